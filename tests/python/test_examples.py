"""The README's GObject Introspection examples: its Python and JavaScript programs are
examples/records.py and examples/records.js, and each console block that runs one of
them shows what it prints."""
import os
import re
import shlex
import shutil
import subprocess
import unittest

SOURCE = os.path.abspath(os.environ.get("BOUNCE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))


def readme_blocks(lang):
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"^```" + lang + r"\n(.*?)^```$", text, re.S | re.M)


def have_gjs():
    if shutil.which("gjs"):
        return True
    if os.environ.get("CI") == "true":
        raise AssertionError("gjs is missing (scripts/bootstrap installs it)")
    return False


class Readme(unittest.TestCase):
    def test_programs_are_the_examples(self):
        for lang, name in (("python", "records.py"), ("js", "records.js")):
            with open(os.path.join(SOURCE, "examples", name), encoding="utf-8") as f:
                program = f.read()
            self.assertIn(program, readme_blocks(lang), f"README's {lang} block is not examples/{name}")

    def test_outputs(self):
        runs = [b for b in readme_blocks("console") if b.startswith("$ examples/records.")]
        self.assertEqual(len(runs), 2)
        for block in runs:
            command, *output = block.splitlines()
            argv = shlex.split(command[2:])
            if argv[0].endswith(".js") and not have_gjs():
                self.skipTest("gjs is not installed")
            with self.subTest(command=command):
                got = subprocess.run([os.path.join(SOURCE, argv[0])] + argv[1:], cwd=SOURCE,
                                     capture_output=True, text=True, check=True).stdout
                self.assertEqual(got.splitlines(), output)
