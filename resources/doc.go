// Package resources holds the assets Attaché embeds into its binaries: the
// application icon, the gazetteer and event dictionaries, and the sample corpus.
// Each kind of asset has its own file with its own go:embed directive.
package resources
