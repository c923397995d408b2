extension String {
    /// The string of `scalars`, encoded to UTF-8 in one pass into storage of the exact size (appending them to a
    /// `String.UnicodeScalarView` one by one goes through its generic, growing append).
    @inlinable
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[written] = unit
                    written += 1
                }
            }
            return written
        }
    }
}
