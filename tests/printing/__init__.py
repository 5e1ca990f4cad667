"""The printed editions: the programme and the press kit as PDFs."""
