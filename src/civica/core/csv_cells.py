"""CSV cells people typed, made safe for spreadsheets: a cell starting with = + - @ (or a tab or
carriage return) would be run as a formula, so it is quoted. Every CSV export calls this one helper."""


def safe_cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
