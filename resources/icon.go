package resources

import _ "embed"

// IconPNG is the application icon, 512×512, rendered from icon.svg.
//
//go:embed icon.png
var IconPNG []byte

// IconSVG is the vector source of the application icon.
//
//go:embed icon.svg
var IconSVG []byte
