/// `registry.schema.json`: the JSON Schema (2020-12) that every `registry.json` satisfies.
/// A test validates the default site's registry against it with a real validator.
enum RegistrySchema {
    static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://errdocs.dev/schemas/registry-1.json",
  "title": "errdocs error registry",
  "description": "Every error of one catalog, for SDKs and tools. Markdown fields hold CommonMark source text.",
  "type": "object",
  "required": ["format_version", "name", "version", "base_url", "doc_url", "families", "envelopes", "errors"],
  "additionalProperties": false,
  "properties": {
    "format_version": {
      "description": "Version of this registry format (semver). A new major version may break readers.",
      "type": "string",
      "pattern": "^1\\.[0-9]+\\.[0-9]+$"
    },
    "name": {"description": "Product or API name.", "type": "string"},
    "version": {"description": "Version of the catalog.", "type": "string"},
    "base_url": {"description": "Where the documentation site is hosted.", "type": "string"},
    "doc_url": {"description": "Template of an error's documentation URL; {code} is replaced by the code.", "type": "string"},
    "families": {"type": "array", "items": {"$ref": "#/$defs/family"}},
    "envelopes": {"type": "array", "items": {"$ref": "#/$defs/envelope"}},
    "errors": {
      "description": "Every error, sorted by code.",
      "type": "array",
      "items": {"$ref": "#/$defs/error"}
    },
    "removed": {
      "description": "Errors the API no longer returns, sorted by code (since format 1.1.0). Their doc_url still leads to a page.",
      "type": "array",
      "items": {"$ref": "#/$defs/removed"}
    }
  },
  "$defs": {
    "removed": {
      "type": "object",
      "required": ["code", "reason", "doc_url"],
      "additionalProperties": false,
      "properties": {
        "code": {"$ref": "#/$defs/code"},
        "title": {"type": "string"},
        "since": {"description": "Catalog version that removed it.", "type": "string"},
        "reason": {"$ref": "#/$defs/markdown"},
        "replaced_by": {"description": "The error to handle instead.", "$ref": "#/$defs/code"},
        "doc_url": {"description": "The tombstone page.", "type": "string"}
      }
    },
    "code": {"type": "string", "pattern": "^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$", "maxLength": 64},
    "markdown": {"description": "CommonMark source text.", "type": "string"},
    "retry": {
      "type": "object",
      "required": ["policy", "retryable"],
      "additionalProperties": false,
      "properties": {
        "policy": {"enum": ["never", "after_fix", "retry_after", "backoff"]},
        "retryable": {"description": "True when the same request may be sent again unchanged (retry_after, backoff).", "type": "boolean"},
        "max_attempts": {"description": "Total attempts, the first included.", "type": "integer", "minimum": 1},
        "initial_delay_ms": {"type": "integer", "minimum": 0},
        "max_delay_ms": {"type": "integer", "minimum": 0},
        "jitter": {"type": "boolean"}
      }
    },
    "family": {
      "type": "object",
      "required": ["id", "title", "summary", "handling", "statuses", "retry"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "description": {"$ref": "#/$defs/markdown"},
        "handling": {"$ref": "#/$defs/markdown"},
        "statuses": {"type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}},
        "retry": {"$ref": "#/$defs/retry"}
      }
    },
    "envelope": {
      "type": "object",
      "required": ["name", "description", "content_type", "default", "schema"],
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string"},
        "title": {"type": "string"},
        "description": {"$ref": "#/$defs/markdown"},
        "content_type": {"type": "string"},
        "code_field": {"type": "string"},
        "doc_url_field": {"type": "string"},
        "default": {"type": "boolean"},
        "schema": {"description": "JSON Schema of the response body.", "type": "object"}
      }
    },
    "error": {
      "type": "object",
      "required": ["code", "title", "surface", "family", "summary", "retry", "doc_url", "meaning", "causes", "quick_fix"],
      "additionalProperties": false,
      "properties": {
        "code": {"$ref": "#/$defs/code"},
        "title": {"type": "string"},
        "surface": {"enum": ["response", "event", "smtp"]},
        "status": {"description": "HTTP status, for surface response.", "type": "integer", "minimum": 100, "maximum": 599},
        "smtp": {
          "type": "object",
          "required": ["reply", "enhanced"],
          "additionalProperties": false,
          "properties": {
            "reply": {"type": "integer", "minimum": 200, "maximum": 599},
            "enhanced": {"type": "string", "pattern": "^[245]\\.[0-9]{1,3}\\.[0-9]{1,3}$"}
          }
        },
        "event": {"type": "string"},
        "family": {"type": "string"},
        "summary": {"type": "string", "maxLength": 200},
        "scope": {"type": "string"},
        "endpoints": {"type": "array", "items": {"type": "string"}},
        "retry": {"$ref": "#/$defs/retry"},
        "doc_url": {"type": "string"},
        "meaning": {"$ref": "#/$defs/markdown"},
        "causes": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/markdown"}},
        "details": {"$ref": "#/$defs/markdown"},
        "example": {
          "type": "object",
          "required": ["status", "envelope", "headers", "body"],
          "additionalProperties": false,
          "properties": {
            "status": {"type": "integer", "minimum": 100, "maximum": 599},
            "envelope": {"type": "string"},
            "headers": {"type": "object", "additionalProperties": {"type": "string"}},
            "body": {}
          }
        },
        "quick_fix": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/markdown"}},
        "recovery": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["language", "code"],
            "additionalProperties": false,
            "properties": {
              "language": {"type": "string"},
              "title": {"type": "string"},
              "description": {"$ref": "#/$defs/markdown"},
              "code": {"type": "string"}
            }
          }
        },
        "prevention": {"type": "array", "items": {"$ref": "#/$defs/markdown"}},
        "agent_hint": {"type": "string"},
        "headers": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["name"],
            "additionalProperties": false,
            "properties": {"name": {"type": "string"}, "description": {"$ref": "#/$defs/markdown"}}
          }
        },
        "related": {"type": "array", "items": {"$ref": "#/$defs/code"}},
        "since": {"type": "string"},
        "deprecated": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "since": {"type": "string"},
            "replaced_by": {"$ref": "#/$defs/code"},
            "note": {"$ref": "#/$defs/markdown"}
          }
        }
      },
      "allOf": [
        {"if": {"properties": {"surface": {"const": "response"}}}, "then": {"required": ["status", "example"]}},
        {"if": {"properties": {"surface": {"const": "smtp"}}}, "then": {"required": ["smtp"]}},
        {"if": {"properties": {"surface": {"const": "event"}}}, "then": {"required": ["event"]}}
      ]
    }
  }
}

"""#
}
