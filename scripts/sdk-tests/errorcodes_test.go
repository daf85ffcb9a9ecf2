// Checks a generated errorcodes.go against retry-cases.json. Environment: RETRY_CASES,
// EXPECTED_CODE_COUNT. Copied beside the generated file by scripts/check-sdks.sh.
package errorcodes

import (
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"testing"
)

type entry struct {
	Code      string   `json:"code"`
	Status    *int     `json:"status"`
	Family    string   `json:"family"`
	DocURL    string   `json:"doc_url"`
	SMTPReply int      `json:"smtp_reply"`
	Attempt   int      `json:"attempt"`
	After     *float64 `json:"retry_after"`
	Expected  *int64   `json:"expected_ms"`
	Why       string   `json:"why"`
}

type table struct {
	Known   entry   `json:"known"`
	SMTP    entry   `json:"smtp"`
	Unknown string  `json:"unknown"`
	Cases   []entry `json:"cases"`
}

func load(t *testing.T) table {
	data, err := os.ReadFile(os.Getenv("RETRY_CASES"))
	if err != nil {
		t.Fatal(err)
	}
	var result table
	if err := json.Unmarshal(data, &result); err != nil {
		t.Fatal(err)
	}
	return result
}

func TestRetryCases(t *testing.T) {
	for _, c := range load(t).Cases {
		var delay int64
		var ok bool
		if c.After == nil {
			delay, ok = RetryDelay(c.Code, c.Attempt)
		} else {
			delay, ok = RetryDelayAfter(c.Code, c.Attempt, *c.After)
		}
		if ok != (c.Expected != nil) || (ok && delay != *c.Expected) {
			t.Errorf("%s attempt %d: got %d, %v (%s)", c.Code, c.Attempt, delay, ok, c.Why)
		}
	}
}

func TestLookup(t *testing.T) {
	tab := load(t)
	info, ok := Lookup(tab.Known.Code)
	if !ok || info.Status != *tab.Known.Status || info.Family != tab.Known.Family || info.DocURL != tab.Known.DocURL {
		t.Errorf("Lookup(%q) = %+v, %v", tab.Known.Code, info, ok)
	}
	info, ok = Lookup(tab.SMTP.Code)
	if !ok || info.Status != 0 || info.SMTPReply != tab.SMTP.SMTPReply || info.Family != tab.SMTP.Family {
		t.Errorf("Lookup(%q) = %+v, %v", tab.SMTP.Code, info, ok)
	}
	if _, ok := Lookup(tab.Unknown); ok || IsRetryable(tab.Unknown) || !IsRetryable(tab.Known.Code) {
		t.Errorf("unknown code %q found, or IsRetryable wrong", tab.Unknown)
	}
}

func TestEnumeration(t *testing.T) {
	want, _ := strconv.Atoi(os.Getenv("EXPECTED_CODE_COUNT"))
	codes := AllErrorCodes()
	if len(codes) != want || !sort.SliceIsSorted(codes, func(i, j int) bool { return codes[i] < codes[j] }) {
		t.Errorf("%d codes (want %d), or not sorted", len(codes), want)
	}
	if WithJitter(1000, 0) != 500 || WithJitter(1000, 0.999) != 999 || WithJitter(1001, 0.5) != 750 {
		t.Error("WithJitter")
	}
}
