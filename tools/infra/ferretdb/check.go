package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// tableStatus is one line of `-check` output: a collection table, whether the `_id` lookup index
// exists, and the plan SQLite chooses for the exact SQL FerretDB sends for `{_id: x}`.
type tableStatus struct {
	Database   string `json:"database"`
	Collection string `json:"collection"`
	Table      string `json:"table"`
	IDIndex    bool   `json:"idIndex"`
	IDPlan     string `json:"idPlan"`
	// IDIndexUsed: the plan searches an index instead of scanning the table.
	IDIndexUsed bool `json:"idIndexUsed"`
}

// check writes one JSON line per collection table of the given database (all when empty).
func check(ctx context.Context, dir, database string, out io.Writer) error {
	pattern := "*" + fileExtension
	if database != "" {
		pattern = database + fileExtension
	}
	paths, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return err
	}
	encoder := json.NewEncoder(out)
	for _, path := range paths {
		statuses, err := checkDatabase(ctx, path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, status := range statuses {
			if err := encoder.Encode(status); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkDatabase(ctx context.Context, path string) ([]tableStatus, error) {
	db, err := openDatabase(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `
		SELECT c.name, c.table_name,
			EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type = 'index' AND i.name = ? || c.table_name)
		FROM `+metadataTable+` c ORDER BY c.name`, indexPrefix)
	if err != nil {
		return nil, err
	}
	var statuses []tableStatus
	database := strings.TrimSuffix(filepath.Base(path), fileExtension)
	for rows.Next() {
		status := tableStatus{Database: database}
		if err := rows.Scan(&status.Collection, &status.Table, &status.IDIndex); err != nil {
			rows.Close()
			return nil, err
		}
		statuses = append(statuses, status)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range statuses {
		plan, err := idLookupPlan(ctx, db, statuses[i].Table)
		if err != nil {
			return nil, err
		}
		statuses[i].IDPlan = plan
		statuses[i].IDIndexUsed = strings.Contains(plan, "USING INDEX") || strings.Contains(plan, "USING COVERING INDEX")
	}
	return statuses, nil
}

// idLookupPlan explains the statement FerretDB's sqlite backend builds for a find by `_id`
// (prepareSelectClause plus its IDColumn WHERE clause).
func idLookupPlan(ctx context.Context, db *sql.DB, table string) (string, error) {
	rows, err := db.QueryContext(ctx,
		fmt.Sprintf(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM %q WHERE %s = ?`, table, idExpression), `"x"`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var details []string
	for rows.Next() {
		var id, parent, unused int64
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return "", err
		}
		details = append(details, detail)
	}
	return strings.Join(details, "; "), rows.Err()
}
