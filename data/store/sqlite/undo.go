package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/attache-app/attache/data/store"
)

// rowImage is the state of one row: Cols is nil when the row does not exist.
type rowImage struct {
	Table string         `json:"t"`
	ID    int64          `json:"id"`
	Cols  map[string]any `json:"c,omitempty"`
}

type rowKey struct {
	table string
	id    int64
}

// recorder collects the before-images of the rows a change touches; at
// commit it reads their after-images and appends both to the undo log.
type recorder struct {
	keys   []rowKey
	before map[rowKey]map[string]any
}

func newRecorder() *recorder {
	return &recorder{before: map[rowKey]map[string]any{}}
}

func (r *recorder) capture(ctx context.Context, tx txLike, table, where string, args ...any) error {
	rows, err := tx.QueryContext(ctx, `SELECT * FROM `+table+` WHERE `+where, args...)
	if err != nil {
		return err
	}
	imgs, err := scanImages(rows)
	if err != nil {
		return err
	}
	for _, cols := range imgs {
		k := rowKey{table, cols["id"].(int64)}
		if _, seen := r.before[k]; !seen {
			r.keys = append(r.keys, k)
			r.before[k] = cols
		}
	}
	return nil
}

func (r *recorder) created(table string, id int64) {
	k := rowKey{table, id}
	if _, seen := r.before[k]; !seen {
		r.keys = append(r.keys, k)
		r.before[k] = nil
	}
}

// scanImages reads every row as a column map.
func scanImages(rows *sql.Rows) ([]map[string]any, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		m := make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (r *recorder) commit(ctx context.Context, tx *sql.Tx, label string) error {
	var before, after []rowImage
	changed := false
	for _, k := range r.keys {
		rows, err := tx.QueryContext(ctx, `SELECT * FROM `+k.table+` WHERE id = ?`, k.id)
		if err != nil {
			return err
		}
		imgs, err := scanImages(rows)
		if err != nil {
			return err
		}
		var now map[string]any
		if len(imgs) == 1 {
			now = imgs[0]
		}
		b := rowImage{Table: k.table, ID: k.id, Cols: r.before[k]}
		a := rowImage{Table: k.table, ID: k.id, Cols: now}
		bj, _ := json.Marshal(b)
		aj, _ := json.Marshal(a)
		if !bytes.Equal(bj, aj) {
			changed = true
		}
		before = append(before, b)
		after = append(after, a)
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
	if _, err := tx.ExecContext(ctx, `DELETE FROM undo_log WHERE undone = 1`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO undo_log(label, before, after) VALUES (?, ?, ?)`, label, bj, aj); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM undo_log WHERE id <= (SELECT id FROM undo_log ORDER BY id DESC LIMIT 1 OFFSET ?)`, UndoLimit)
	return err
}

// Undo reverts the most recent change that has not been undone and returns
// its label (e.g. "Tag passage").
func (s *Store) Undo(ctx context.Context) (string, error) {
	return s.step(ctx, true)
}

// Redo re-applies the most recently undone change and returns its label. Any
// new change clears the redo stack.
func (s *Store) Redo(ctx context.Context) (string, error) {
	return s.step(ctx, false)
}

func (s *Store) step(ctx context.Context, undo bool) (string, error) {
	q := `SELECT id, label, before FROM undo_log WHERE undone = 0 ORDER BY id DESC LIMIT 1`
	what, empty, flag := "undo", store.ErrNothingToUndo, 1
	if !undo {
		q = `SELECT id, label, after FROM undo_log WHERE undone = 1 ORDER BY id ASC LIMIT 1`
		what, empty, flag = "redo", store.ErrNothingToRedo, 0
	}
	var label string
	err := s.write(ctx, what, func(tx *sql.Tx) error {
		var id int64
		var data string
		err := tx.QueryRowContext(ctx, q).Scan(&id, &label, &data)
		if err == sql.ErrNoRows {
			return empty
		}
		if err != nil {
			return err
		}
		if err := applyImages(ctx, tx, data); err != nil {
			return fmt.Errorf("%s %q: %w", what, label, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE undo_log SET undone = ? WHERE id = ?`, flag, id)
		return err
	})
	if errors.Is(err, empty) {
		return "", empty
	}
	return label, err
}

// UndoLabel returns the label of the change Undo would revert, or "".
func (s *Store) UndoLabel(ctx context.Context) (string, error) {
	return s.label(ctx, `SELECT label FROM undo_log WHERE undone = 0 ORDER BY id DESC LIMIT 1`)
}

// RedoLabel returns the label of the change Redo would re-apply, or "".
func (s *Store) RedoLabel(ctx context.Context) (string, error) {
	return s.label(ctx, `SELECT label FROM undo_log WHERE undone = 1 ORDER BY id ASC LIMIT 1`)
}

func (s *Store) label(ctx context.Context, q string) (string, error) {
	var label string
	err := s.r.QueryRowContext(ctx, q).Scan(&label)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: read undo log: %w", err)
	}
	return label, nil
}

// applyImages writes a list of row images: rows that should exist are
// inserted or updated, then rows that should not are deleted (in reverse
// order, children before parents). Foreign keys are checked at commit.
func applyImages(ctx context.Context, tx *sql.Tx, data string) error {
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	var imgs []rowImage
	if err := dec.Decode(&imgs); err != nil {
		return fmt.Errorf("corrupt undo record: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
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
		img := imgs[i]
		if img.Cols != nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+img.Table+` WHERE id = ?`, img.ID); err != nil {
			return err
		}
	}
	return nil
}

func upsert(ctx context.Context, tx *sql.Tx, img rowImage) error {
	names := make([]string, 0, len(img.Cols))
	for c := range img.Cols {
		names = append(names, c)
	}
	sort.Strings(names)
	args := make([]any, 0, len(names)+1)
	sets := make([]string, 0, len(names))
	for _, c := range names {
		v := img.Cols[c]
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				v = i
			} else if f, err := n.Float64(); err == nil {
				v = f
			}
		}
		args = append(args, v)
		sets = append(sets, `"`+c+`" = ?`)
	}
	res, err := tx.ExecContext(ctx, `UPDATE `+img.Table+` SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, img.ID)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		quoted := make([]string, len(names))
		for i, c := range names {
			quoted[i] = `"` + c + `"`
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+img.Table+` (`+strings.Join(quoted, ", ")+`) VALUES (`+marks+`)`, args...); err != nil {
			return err
		}
	}
	if img.Table == "articles" {
		title, _ := img.Cols["title"].(string)
		body, _ := img.Cols["body"].(string)
		return indexCJK(ctx, tx, img.ID, title, body)
	}
	return nil
}
