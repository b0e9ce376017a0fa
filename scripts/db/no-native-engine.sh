#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here: generate does not need it.
exit 1
