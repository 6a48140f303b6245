import Core
import Foundation
import GRDB
import Queue

extension SQLiteJobStore {
    static func openPool(_ configuration: SQLiteStoreConfiguration) throws -> any DatabaseWriter {
        let url = URL(fileURLWithPath: configuration.path)
        let directory = url.deletingLastPathComponent()
        do {
            var info = stat()
            if stat(directory.path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw QueueError.storageUnavailable("cannot create database directory \(directory.path): \(Self.reason(error))")
        }
        var config = Configuration()
        config.label = "autofix"
        config.busyMode = .callback(Self.busyCallback())
        let synchronous = configuration.durability == .full ? "FULL" : "NORMAL"
        let single = configuration.connections == .single
        config.prepareDatabase { db in
            // GRDB's own WAL set-up for a DatabaseQueue commits a throwaway table whenever the
            // -wal file is absent, which it is at every start of a one-shot process: an extra
            // fsynced transaction per `enqueue`. WAL is persistent in the file, so a pragma suffices.
            if single { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        do {
            switch configuration.connections {
            case .pool:
                return try DatabasePool(path: configuration.path, configuration: config)
            case .single:
                return try DatabaseQueue(path: configuration.path, configuration: config)
            }
        } catch let error as DatabaseError {
            throw QueueError.storageUnavailable("cannot open database \(configuration.path): \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// SQLite's own busy timeout sleeps in fixed steps and lets one process starve; this handler
    /// yields first, then sleeps a short randomised time, and gives up after ~2 s so the
    /// transaction-level retry (with its own jitter and deadline) takes over.
    static func busyCallback() -> Database.BusyCallback {
        { tries in
            if tries < 2 {
                sched_yield()
                return true
            }
            let ceiling = UInt32(min(100 << min(tries, 7), 8_000))
            usleep(UInt32.random(in: ceiling / 4...ceiling))
            return tries < 400
        }
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}
