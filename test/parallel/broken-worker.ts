// A pool worker whose module fails to load, for test/parallel.
throw new Error('this worker cannot start');
