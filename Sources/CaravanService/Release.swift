/// Which Caravan this is: `caravan --version`, the API's description, `/healthz`.
public enum Release {
    public static let version = "0.11.0"
}
