import ArgumentParser
import ErrorDocs

extension AuthoringSchema: ExpressibleByArgument {}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of catalog.yaml or of an error file.",
        discussion: """
            Editors that use yaml-language-server (VS Code's YAML extension, Neovim, Helix…) \
            validate and complete a file that starts with a comment naming its schema:

              errdocs schema error > schemas/error.schema.json
              # yaml-language-server: $schema=../schemas/error.schema.json

            The default catalog in the errdocs repository does this with docs/schemas/.
            """
    )

    @Argument(help: ArgumentHelp("Which file: catalog (catalog.yaml) or error (a file under errors/).", valueName: "KIND"))
    var kind: AuthoringSchema

    func run() throws {
        print(kind.json, terminator: "")
    }
}
