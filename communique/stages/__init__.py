"""Pipeline stages, one module each: functions over records, resources passed in."""
