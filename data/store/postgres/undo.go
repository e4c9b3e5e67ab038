package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/attache-app/attache/data/store"
)

// Every change a member makes is one transaction that records the before
// and after state of the rows it touched on the undo log, under the
// member's name. Undo and Redo step through the connected member's own
// changes only; one that another member has since overtaken (a row they
// changed or deleted in between) is refused and changes nothing.

// rowImage is the state of one row; Cols is nil when the row does not exist.
type rowImage struct {
	Table string                     `json:"t"`
	ID    int64                      `json:"id"`
	Cols  map[string]json.RawMessage `json:"c,omitempty"`
}

type rowKey struct {
	table string
	id    int64
}

// changeTx is a write transaction whose changes are recorded for undo.
type changeTx struct {
	*sql.Tx
	ctx    context.Context
	keys   []rowKey
	before map[rowKey]map[string]json.RawMessage
}

// change runs fn in one transaction and records the rows it touched on the
// member's undo log under label. fn captures every row it is about to
// change (rows removed by cascades included) before changing it, and
// reports the rows it creates.
func (s *Store) change(ctx context.Context, label string, fn func(c *changeTx) error) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c := &changeTx{Tx: tx, ctx: ctx, before: map[rowKey]map[string]json.RawMessage{}}
		if err := fn(c); err != nil {
			return err
		}
		return c.commit(label)
	})
	if err != nil {
		return s.queryError(lowerFirst(label), err)
	}
	return nil
}

// images reads rows of table as column → JSON value maps, keyed by id.
func images(ctx context.Context, tx *sql.Tx, table, where string, args ...any) (map[int64]map[string]json.RawMessage, []int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, row_to_json(x)::text FROM `+table+` x WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := map[int64]map[string]json.RawMessage{}
	var ids []int64
	for rows.Next() {
		var id int64
		var js string
		if err := rows.Scan(&id, &js); err != nil {
			return nil, nil, err
		}
		var cols map[string]json.RawMessage
		if err := json.Unmarshal([]byte(js), &cols); err != nil {
			return nil, nil, err
		}
		out[id] = cols
		ids = append(ids, id)
	}
	return out, ids, rows.Err()
}

// capture records the current state of the rows of table matching where.
func (c *changeTx) capture(table, where string, args ...any) error {
	imgs, ids, err := images(c.ctx, c.Tx, table, where, args...)
	if err != nil {
		return err
	}
	for _, id := range ids {
		k := rowKey{table, id}
		if _, seen := c.before[k]; !seen {
			c.keys = append(c.keys, k)
			c.before[k] = imgs[id]
		}
	}
	return nil
}

// created records that the row table/id did not exist before this change.
func (c *changeTx) created(table string, id int64) {
	k := rowKey{table, id}
	if _, seen := c.before[k]; !seen {
		c.keys = append(c.keys, k)
		c.before[k] = nil
	}
}

// commit reads the after-images and appends the change to the member's log,
// dropping the member's redo stack.
func (c *changeTx) commit(label string) error {
	var before, after []rowImage
	changed := false
	for _, k := range c.keys {
		now, _, err := images(c.ctx, c.Tx, k.table, `id = $1`, k.id)
		if err != nil {
			return err
		}
		b := rowImage{Table: k.table, ID: k.id, Cols: c.before[k]}
		a := rowImage{Table: k.table, ID: k.id, Cols: now[k.id]}
		if !sameImage(b, a) {
			changed = true
		}
		before, after = append(before, b), append(after, a)
	}
	if !changed {
		return nil
	}
	bj, err := json.Marshal(before)
	if err != nil {
		return err
	}
	aj, err := json.Marshal(after)
	if err != nil {
		return err
	}
	if _, err := c.ExecContext(c.ctx, `DELETE FROM undo_log WHERE member = current_user AND undone`); err != nil {
		return err
	}
	if _, err := c.ExecContext(c.ctx, `INSERT INTO undo_log(label, before, after) VALUES ($1, $2, $3)`, label, string(bj), string(aj)); err != nil {
		return err
	}
	_, err = c.ExecContext(c.ctx, `DELETE FROM undo_log WHERE member = current_user AND id <= (
		SELECT id FROM undo_log WHERE member = current_user ORDER BY id DESC LIMIT 1 OFFSET $1)`, store.UndoLimit)
	return err
}

func sameImage(a, b rowImage) bool {
	if (a.Cols == nil) != (b.Cols == nil) || len(a.Cols) != len(b.Cols) {
		return false
	}
	for k, v := range a.Cols {
		if string(b.Cols[k]) != string(v) {
			return false
		}
	}
	return true
}

// Undo reverts the connected member's most recent change that has not been
// undone and returns its label. A change whose rows another member has
// changed since is refused, and nothing changes.
func (s *Store) Undo(ctx context.Context) (string, error) { return s.step(ctx, true) }

// Redo re-applies the connected member's most recently undone change and
// returns its label. Any new change of the member clears their redo stack.
func (s *Store) Redo(ctx context.Context) (string, error) { return s.step(ctx, false) }

func (s *Store) step(ctx context.Context, undo bool) (string, error) {
	q := `SELECT id, label, after, before FROM undo_log WHERE member = current_user AND NOT undone ORDER BY id DESC LIMIT 1`
	what, empty := "undo", store.ErrNothingToUndo
	if !undo {
		q = `SELECT id, label, before, after FROM undo_log WHERE member = current_user AND undone ORDER BY id ASC LIMIT 1`
		what, empty = "redo", store.ErrNothingToRedo
	}
	var label string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		var expect, apply string
		err := tx.QueryRowContext(ctx, q+` FOR UPDATE`).Scan(&id, &label, &expect, &apply)
		if errors.Is(err, sql.ErrNoRows) {
			return empty
		}
		if err != nil {
			return err
		}
		if err := checkUnchanged(ctx, tx, expect); err != nil {
			return fmt.Errorf("cannot %s %q: %w", what, label, err)
		}
		if err := applyImages(ctx, tx, apply); err != nil {
			return fmt.Errorf("%s %q: %w", what, label, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE undo_log SET undone = $1 WHERE id = $2`, undo, id)
		return err
	})
	if errors.Is(err, empty) {
		return "", empty
	}
	if err != nil {
		return "", s.queryError(what, err)
	}
	return label, nil
}

// checkUnchanged refuses to step when a row is no longer as the change left
// it: another member changed or deleted it in between.
func checkUnchanged(ctx context.Context, tx *sql.Tx, data string) error {
	var imgs []rowImage
	if err := json.Unmarshal([]byte(data), &imgs); err != nil {
		return fmt.Errorf("corrupt undo record: %w", err)
	}
	for _, img := range imgs {
		// Hold the row until the step commits, so no one changes it in
		// between.
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM `+tableName(img.Table)+` WHERE id = $1 FOR UPDATE`, img.ID); err != nil {
			return err
		}
		now, _, err := images(ctx, tx, img.Table, `id = $1`, img.ID)
		if err != nil {
			return err
		}
		cur := rowImage{Table: img.Table, ID: img.ID, Cols: now[img.ID]}
		if sameImage(cur, img) {
			continue
		}
		noun := strings.TrimSuffix(strings.ReplaceAll(img.Table, "_", " "), "s")
		switch {
		case cur.Cols == nil:
			return fmt.Errorf("%s %d was deleted since", noun, img.ID)
		case img.Cols == nil:
			return fmt.Errorf("%s %d was made again since", noun, img.ID)
		}
		if by := string(cur.Cols["updated_by"]); by != "" && by != string(img.Cols["updated_by"]) {
			var name string
			_ = json.Unmarshal(cur.Cols["updated_by"], &name)
			return fmt.Errorf("%s %d was changed since by %s", noun, img.ID, name)
		}
		return fmt.Errorf("%s %d was changed since", noun, img.ID)
	}
	return nil
}

// applyImages writes row images: rows that should exist are inserted or
// updated, then rows that should not are deleted (children before
// parents). Foreign keys are checked at commit.
func applyImages(ctx context.Context, tx *sql.Tx, data string) error {
	var imgs []rowImage
	if err := json.Unmarshal([]byte(data), &imgs); err != nil {
		return fmt.Errorf("corrupt undo record: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SET CONSTRAINTS ALL DEFERRED`); err != nil {
		return err
	}
	for _, img := range imgs {
		if img.Cols == nil {
			continue
		}
		if err := upsert(ctx, tx, img); err != nil {
			return err
		}
	}
	for i := len(imgs) - 1; i >= 0; i-- {
		if img := imgs[i]; img.Cols == nil {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+tableName(img.Table)+` WHERE id = $1`, img.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// upsert writes one row image back as it was.
func upsert(ctx context.Context, tx *sql.Tx, img rowImage) error {
	cols := make([]string, 0, len(img.Cols))
	for c := range img.Cols {
		cols = append(cols, ident(c))
	}
	sort.Strings(cols)
	list := strings.Join(cols, ", ")
	js, err := json.Marshal(img.Cols)
	if err != nil {
		return err
	}
	t := tableName(img.Table)
	_, err = tx.ExecContext(ctx, `INSERT INTO `+t+` (`+list+`)
		SELECT `+list+` FROM json_populate_record(NULL::`+t+`, $1::json)
		ON CONFLICT (id) DO UPDATE SET (`+list+`) = (SELECT `+list+` FROM json_populate_record(NULL::`+t+`, $1::json))`, string(js))
	if err != nil || t != "articles" {
		return err
	}
	return reindexArticle(ctx, tx, img.ID)
}

// tableName checks that a table name read from the undo log is a plain
// identifier before it goes into SQL.
func tableName(t string) string {
	for _, r := range t {
		if r != '_' && !unicode.IsLower(r) {
			return `"invalid table"`
		}
	}
	return t
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// UndoLabel returns the label of the change Undo would revert for the
// connected member, or "".
func (s *Store) UndoLabel(ctx context.Context) (string, error) {
	return s.label(ctx, `SELECT label FROM undo_log WHERE member = current_user AND NOT undone ORDER BY id DESC LIMIT 1`)
}

// RedoLabel returns the label of the change Redo would re-apply for the
// connected member, or "".
func (s *Store) RedoLabel(ctx context.Context) (string, error) {
	return s.label(ctx, `SELECT label FROM undo_log WHERE member = current_user AND undone ORDER BY id ASC LIMIT 1`)
}

func (s *Store) label(ctx context.Context, q string) (string, error) {
	var label string
	err := s.db.QueryRowContext(ctx, q).Scan(&label)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", s.queryError("read undo log", err)
	}
	return label, nil
}
