import CaravanData
import Foundation

/// The world's countries from Natural Earth (public domain), simplified and bundled in
/// `Data/basemap/`, drawn under the network: coastlines, the Caspian and the Gulf as water, and
/// national borders, offline.
struct Basemap: Sendable, Decodable {
    struct Country: Sendable, Decodable {
        var iso3: String
        var name: String
        /// Each outer ring as alternating longitude, latitude.
        var rings: [[Double]]

        /// The area of the box around it, in square degrees.
        var extent: Double {
            let lons = rings.flatMap { ring in stride(from: 0, to: ring.count - 1, by: 2).map { ring[$0] } }
            let lats = rings.flatMap { ring in stride(from: 1, to: ring.count, by: 2).map { ring[$0] } }
            return ((lons.max() ?? 0) - (lons.min() ?? 0)) * ((lats.max() ?? 0) - (lats.min() ?? 0))
        }
    }

    var origin: String
    var countries: [Country]

    /// The bundled basemap, larger countries first so an enclave is drawn over the country around
    /// it; an unreadable one is a broken installation, drawn as no land.
    static let world: Basemap = {
        guard var map = try? JSONDecoder().decode(Basemap.self, from: Data(BundledData.basemapJSON.utf8)) else {
            return Basemap(origin: "", countries: [])
        }
        map.countries.sort { $0.extent > $1.extent }
        return map
    }()
}

/// Web Mercator over a box of longitudes and latitudes, fitted to a width.
struct Mercator: Sendable {
    let west: Double, east: Double, south: Double, north: Double
    let width: Double
    let height: Double
    private let scale: Double
    private let top: Double

    init(west: Double, east: Double, south: Double, north: Double, width: Double) {
        (self.west, self.east, self.south, self.north, self.width) = (west, east, south, north, width)
        scale = width / ((east - west) * .pi / 180)
        top = Self.y(north)
        height = (top - Self.y(south)) * scale
    }

    private static func y(_ latitude: Double) -> Double {
        let phi = min(max(latitude, -85), 85) * .pi / 180
        return log(tan(.pi / 4 + phi / 2))
    }

    func point(lon: Double, lat: Double) -> (x: Double, y: Double) {
        ((lon - west) * .pi / 180 * scale, (top - Self.y(lat)) * scale)
    }

    func contains(lon: Double, lat: Double) -> Bool { lon >= west && lon <= east && lat >= south && lat <= north }
}
