// Command attache-cli is Attaché's headless command line: import articles,
// list and search them, extract entities and events, and export the timeline.
// It is pure Go and builds with CGO_ENABLED=0.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
