"""Checks a generated error_codes.py (on PYTHONPATH) against retry-cases.json.

Environment: RETRY_CASES (path to retry-cases.json), EXPECTED_CODE_COUNT.
"""
import json
import os
import unittest

import error_codes
from error_codes import ErrorCode

with open(os.environ["RETRY_CASES"], encoding="utf-8") as file:
    TABLE = json.load(file)


class ErrorCodesTest(unittest.TestCase):
    def test_retry_cases(self):
        for case in TABLE["cases"]:
            with self.subTest(case=case):
                delay = error_codes.retry_delay(case["code"], case["attempt"], case["retry_after"])
                self.assertEqual(delay, case["expected_ms"], case["why"])

    def test_lookup(self):
        known = TABLE["known"]
        info = error_codes.lookup(known["code"])
        self.assertIsNotNone(info)
        self.assertEqual((info.status, info.family, info.doc_url), (known["status"], known["family"], known["doc_url"]))
        smtp = TABLE["smtp"]
        info = error_codes.lookup(smtp["code"])
        self.assertEqual((info.status, info.smtp_reply, info.family), (smtp["status"], smtp["smtp_reply"], smtp["family"]))
        self.assertIsNone(error_codes.lookup(TABLE["unknown"]))
        self.assertFalse(error_codes.is_retryable(TABLE["unknown"]))
        self.assertTrue(error_codes.is_retryable(known["code"]))

    def test_enumeration(self):
        self.assertEqual(len(ErrorCode), int(os.environ["EXPECTED_CODE_COUNT"]))
        self.assertEqual([code.value for code in ErrorCode], sorted(code.value for code in ErrorCode))
        self.assertIs(ErrorCode(TABLE["known"]["code"]).info.code, ErrorCode(TABLE["known"]["code"]))

    def test_jitter(self):
        self.assertEqual(error_codes.with_jitter(1000, 0.0), 500)
        self.assertEqual(error_codes.with_jitter(1000, 0.999), 999)
        self.assertEqual(error_codes.with_jitter(1001, 0.5), 750)


if __name__ == "__main__":
    unittest.main()
