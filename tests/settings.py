"""Settings for the test suite: the real settings, served over plain HTTP."""

import os

os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("DEBUG", "false")

from clearinghouse.settings import *  # noqa: F403

# Fast hashing: the suite creates many users; production keeps Django's default.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
