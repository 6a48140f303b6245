import PostgresNIO

/// Runs the store's work on the one event loop that owns its connections. Without it every statement
/// costs two thread wake-ups (the query handed from Swift's global pool to the loop, its answer handed
/// back), and on a small machine those context switches, not PostgreSQL, bounded a worker's throughput.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
