"""The Qt-free core of Changemaker: the model, storage, checks, analysis and exports."""

import os

# The core uses no pydantic plugins: skip pydantic's scan of every installed package for them
# (it runs when the first model is built, and the app, the command line and the tests all pay it).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
