package exchange

import (
	"strconv"

	"github.com/google/uuid"
)

// guidSpace is the name space of every GUID Attaché writes: a GUID is the
// version 5 UUID of a key that stays the same as long as the thing it names
// does, so exporting the same project twice gives the same GUIDs.
var guidSpace = uuid.NewSHA1(uuid.NameSpaceOID, []byte("attache-refi-qda-exchange"))

// guid returns the GUID of a key such as "tag:12".
func guid(kind string, key string) string {
	return uuid.NewSHA1(guidSpace, []byte(kind+":"+key)).String()
}

func guidOf(kind string, id int64) string { return guid(kind, strconv.FormatInt(id, 10)) }

// eventsCodeGUID names the code under which an export lists events; an
// import recognises the branch by it and leaves it out.
var eventsCodeGUID = guid("events", "root")
