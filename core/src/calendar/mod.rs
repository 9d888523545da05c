//! Business-hours calendars: time zones, weekly windows, holidays, business time.
