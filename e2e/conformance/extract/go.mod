module routeboard.local/conformance-extract

go 1.24
