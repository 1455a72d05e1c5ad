"""Parse an .ics file with independent parsers (icalendar + recurring-ical-events) and
print every occurrence between two dates as JSON, so tests can compare it with Spotter.

usage: expand.py FILE FROM TO   (dates as YYYY-MM-DD)
"""
import datetime as dt
import json
import sys

import icalendar
import recurring_ical_events


def utc(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise SystemExit(f"floating time in export: {value}")
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    raise SystemExit(f"all-day value in export: {value}")


def main():
    path, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    tzids = sorted(str(tz["TZID"]) for tz in cal.walk("VTIMEZONE"))
    events = recurring_ical_events.of(cal).between(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    out = []
    for e in events:
        out.append({
            "uid": str(e["UID"]),
            "summary": str(e.get("SUMMARY", "")),
            "start": utc(e["DTSTART"].dt),
            "end": utc(e["DTEND"].dt),
            "tzid": str(e["DTSTART"].params.get("TZID", "")),
            "status": str(e.get("STATUS", "")),
        })
    out.sort(key=lambda x: (x["start"], x["uid"]))
    json.dump({"timezones": tzids, "events": out}, sys.stdout, ensure_ascii=False)


main()
