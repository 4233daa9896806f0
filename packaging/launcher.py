"""The frozen app's entry script: the same `main()` as the `composer` console script."""

import sys

from composer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
