"""Welsh language rules the whole package shares: initial consonant mutations, the Welsh lint, dates."""
