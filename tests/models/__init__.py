"""The page families as visitors read them: home, programme, newsroom, media, images."""
