package exchange

// Limits on what a file may hold before it is refused as hostile or broken.
// They are far above what QDA tools write for text projects.
const (
	maxQDEBytes    = 64 << 20  // project.qde or a .qdc/.qde file
	maxSourceBytes = 100 << 20 // one source's or note's plain text
	maxTextBytes   = 512 << 20 // all text read from one archive
	maxDeclared    = 4 << 30   // all entries of an archive, as their headers declare
	maxEntries     = 100000    // entries in an archive
	maxRatio       = 200       // uncompressed/compressed, for entries over 1 MB
	maxDepth       = 200       // XML element nesting
	maxCodes       = 100000    // codes in a codebook
)
