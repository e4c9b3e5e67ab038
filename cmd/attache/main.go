// Command attache is Attaché's desktop workbench.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/attache-app/attache/app"
)

func main() {
	db := flag.String("db", "", "project file to open (default: $ATTACHE_DB, else the default project)")
	flag.Parse()
	if err := app.Run(app.Options{ProjectPath: *db}); err != nil {
		fmt.Fprintln(os.Stderr, "attache:", err)
		os.Exit(1)
	}
}
