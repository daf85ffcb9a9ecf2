#!/usr/bin/env python3
"""Checks WCAG 2 contrast (at least 4.5:1) of the default theme's text colours on its
backgrounds, in the light theme (:root) and the dark one (prefers-color-scheme: dark), reading
the custom properties from Templates/assets/style.css."""
import re
import sys

TEXT = ["fg", "muted", "link", "accent", "ok", "warn", "stop"]
BACKGROUNDS = ["bg", "bg-soft", "code-bg", "badge-bg", "banner"]


def luminance(colour):
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(first, second):
    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def variables(block):
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))


def main(path):
    css = open(path, encoding="utf-8").read()
    light = variables(re.search(r":root\s*\{(.*?)\}", css, re.S).group(1))
    dark_block = re.search(r"prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.S).group(1)
    dark = dict(light, **variables(dark_block))
    failures = 0
    for theme, palette in (("light", light), ("dark", dark)):
        worst = min((ratio(palette[t], palette[b]), t, b) for t in TEXT for b in BACKGROUNDS)
        for text in TEXT:
            for background in BACKGROUNDS:
                value = ratio(palette[text], palette[background])
                if value < 4.5:
                    failures += 1
                    print(f"{theme}: --{text} on --{background} is {value:.2f}:1, below 4.5:1")
        print(f"{theme}: lowest contrast {worst[0]:.2f}:1 (--{worst[1]} on --{worst[2]})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Templates/assets/style.css"))
