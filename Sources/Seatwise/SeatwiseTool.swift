// Facts about this build that every report carries.

public enum SeatwiseTool {
    public static let version = "0.1.0"
    public static var glpkVersion: String { Solvers.glpk.version }
}
