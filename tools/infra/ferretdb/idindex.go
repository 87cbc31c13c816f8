package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // the driver FerretDB itself uses, so both sides run the same SQLite
)

// FerretDB 1.24's SQLite backend pushes `{_id: x}` down as `WHERE _ferretdb_sjson->'$._id' = ?`
// (metadata.IDColumn), but the unique `_id_` index it creates is on `_ferretdb_sjson->"_id"`, an
// expression SQLite does not consider equal, so every lookup, update and delete by `_id` scans the
// table. An index on exactly the pushed-down expression makes them O(log n).
const (
	idExpression = `_ferretdb_sjson->'$._id'`
	// Prefix, not suffix: FerretDB names its indexes "<table>_<mongo index name>", so a name that
	// does not start with a table name cannot collide with one a client asks for.
	indexPrefix   = "zc_id_"
	metadataTable = "_ferretdb_collections"
	fileExtension = ".sqlite"
)

func indexName(table string) string { return indexPrefix + table }

// openDatabase opens one FerretDB database file for a short piece of work. mode=rw never creates a
// file (a database dropped meanwhile stays dropped); the busy timeout matches FerretDB's, so a
// writer on either side waits for the other instead of failing with "database is locked".
func openDatabase(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// missingIndexTables lists collection tables without the `_id` lookup index.
func missingIndexTables(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT c.table_name FROM `+metadataTable+` c
		JOIN sqlite_master t ON t.type = 'table' AND t.name = c.table_name
		WHERE NOT EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type = 'index' AND i.name = ?|| c.table_name)`,
		indexPrefix)
	if err != nil {
		if strings.Contains(err.Error(), "no such table: "+metadataTable) {
			return nil, nil // FerretDB has created the file but not its metadata yet
		}
		return nil, err
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			return nil, err
		}
		tables = append(tables, table)
	}
	return tables, rows.Err()
}

func schemaVersion(ctx context.Context, db *sql.DB) (int64, error) {
	var version int64
	err := db.QueryRowContext(ctx, "PRAGMA schema_version").Scan(&version)
	return version, err
}

// fileStamp changes whenever FerretDB writes to a database (WAL mode: the -wal file changes) or the
// file is replaced (drop and create again), so an unchanged stamp means there is nothing to look at.
type fileStamp struct {
	inode, size, walSize, walModified uint64
	modified                          int64
}

func stampOf(path string) (fileStamp, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, false
	}
	stamp := fileStamp{size: uint64(info.Size()), modified: info.ModTime().UnixNano()}
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		stamp.inode = sys.Ino
	}
	if wal, err := os.Stat(path + "-wal"); err == nil {
		stamp.walSize, stamp.walModified = uint64(wal.Size()), uint64(wal.ModTime().UnixNano())
	}
	return stamp, true
}

type seenDatabase struct {
	stamp         fileStamp
	schemaVersion int64
}

// idIndexer keeps the `_id` lookup index on every collection table of every database in dir,
// including databases and collections created while FerretDB runs.
type idIndexer struct {
	dir    string
	logger *slog.Logger
	seen   map[string]seenDatabase
}

func newIDIndexer(dir string, logger *slog.Logger) *idIndexer {
	return &idIndexer{dir: dir, logger: logger, seen: map[string]seenDatabase{}}
}

// run polls file metadata only (a directory listing and two stat calls per database) and opens a
// database just when it changed; the open holds no connection between passes, because a connection
// left open would keep FerretDB's dropDatabase from being the last one to close the file, leaving
// its -wal and -shm behind for a database of the same name created later.
func (ix *idIndexer) run(ctx context.Context, every time.Duration) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		ix.pass(ctx, true)
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// pass checks every database once. whileServing skips files without a -wal: FerretDB keeps the
// databases it serves open in WAL mode, so a file without one is being created or was just dropped.
func (ix *idIndexer) pass(ctx context.Context, whileServing bool) {
	paths, err := filepath.Glob(filepath.Join(ix.dir, "*"+fileExtension))
	if err != nil {
		ix.logger.Warn("id index: cannot list databases", slog.String("error", err.Error()))
		return
	}
	present := make(map[string]bool, len(paths))
	for _, path := range paths {
		present[path] = true
		stamp, ok := stampOf(path)
		if !ok || (whileServing && stamp.walModified == 0) {
			continue
		}
		previous, known := ix.seen[path]
		if known && previous.stamp == stamp {
			continue
		}
		version, err := ix.ensure(ctx, path, previous.schemaVersion, known && previous.stamp.inode == stamp.inode)
		if err != nil {
			ix.logger.Warn("id index: will retry", slog.String("database", path), slog.String("error", err.Error()))
			delete(ix.seen, path)
			continue
		}
		// Stamp taken after our own writes, so they do not count as a change next time.
		if after, ok := stampOf(path); ok {
			ix.seen[path] = seenDatabase{stamp: after, schemaVersion: version}
		}
	}
	for path := range ix.seen {
		if !present[path] {
			delete(ix.seen, path)
		}
	}
}

// ensure creates the missing indexes of one database unless its schema is unchanged since the
// last pass, and returns the schema version it leaves.
func (ix *idIndexer) ensure(ctx context.Context, path string, knownVersion int64, sameFile bool) (int64, error) {
	db, err := openDatabase(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	version, err := schemaVersion(ctx, db)
	if err != nil || (sameFile && version == knownVersion) {
		return version, err
	}
	tables, err := missingIndexTables(ctx, db)
	if err != nil {
		return 0, err
	}
	var failures []error
	for _, table := range tables {
		started := time.Now()
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, indexName(table), table, idExpression)
		if _, err := db.ExecContext(ctx, q); err != nil {
			if strings.Contains(err.Error(), "no such table") {
				continue // dropped between the listing and here: nothing left to index
			}
			failures = append(failures, fmt.Errorf("%s: %w", table, err))
			continue
		}
		ix.logger.Info("id index created", slog.String("database", path), slog.String("table", table),
			slog.Duration("took", time.Since(started)))
	}
	if len(failures) > 0 {
		return 0, errors.Join(failures...)
	}
	return schemaVersion(ctx, db)
}
