import AsyncHTTPClient
import Foundation
import NIOCore

/// Headless Chromium driven through ChromeDriver (W3C WebDriver over HTTP), for tests that fill a
/// form and submit it as a reader does. `scripts/setup` installs Debian's chromium-driver; with
/// `CARAVAN_REQUIRE_TOOLS=1` its absence fails the tests that need it instead of skipping them.
public final class WebDriver: Sendable {
    /// ChromeDriver's path, if it is installed.
    public static let path: String? = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Whether the tests that drive the browser should run: it and its driver are there, or they are required.
    public static var available: Bool { (path != nil && Browser.path != nil) || Tools.required }

    private let driver: RunningCommand
    /// `http://127.0.0.1:PORT/session/ID`.
    private let session: URL

    private init(driver: RunningCommand, session: URL) {
        self.driver = driver
        self.session = session
    }

    /// Starts ChromeDriver on a free port and a headless browser `width` px wide.
    public static func start(width: Int = 1400, height: Int = 3000) async throws -> WebDriver {
        guard let path, let browser = Browser.path else { throw TestSetupError("no ChromeDriver or Chromium: run scripts/setup") }
        let driver = try Command.start(path, ["--port=0"])
        let started = "was started successfully on port "
        let line = try await Command.detached { try driver.waitForLine(started) }
        guard let port = line.components(separatedBy: started).last.flatMap({ Int($0.prefix { $0.isNumber }) }) else {
            driver.stop()
            throw TestSetupError("ChromeDriver named no port: \(line)")
        }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        let options: [String: Any] = [
            "binary": browser,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(width),\(height)"],
        ]
        let capabilities = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]]
        do {
            let answer = try await call(base.appendingPathComponent("session"), "POST", capabilities)
            guard let id = (answer as? [String: Any])?["sessionId"] as? String else { throw TestSetupError("no session: \(answer)") }
            return WebDriver(driver: driver, session: base.appendingPathComponent("session/\(id)"))
        } catch {
            driver.stop()
            throw error
        }
    }

    /// Opens an address and waits for it to load.
    public func open(_ url: URL) async throws { _ = try await command("url", "POST", ["url": url.absoluteString]) }

    /// Puts `text` in a field at once, as a paste does, and tells the page it changed.
    public func paste(_ text: String, into selector: String) async throws {
        let script =
            "const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));"
        _ = try await command("execute/sync", "POST", ["script": script, "args": [selector, text]])
    }

    /// Types `text` into a field, key by key.
    public func type(_ text: String, into selector: String) async throws {
        _ = try await command("element/\(try await element(selector))/value", "POST", ["text": text])
    }

    /// Clicks an element; a click that submits a form waits for the page it leads to.
    public func click(_ selector: String) async throws {
        _ = try await command("element/\(try await element(selector))/click", "POST", [String: String]())
    }

    /// Clicks a form's button and waits until the page it leads to has loaded: a click returns
    /// once it is dispatched, which can be before the form's answer replaces the page.
    public func submit(_ selector: String) async throws {
        _ = try await command("execute/sync", "POST", ["script": "window.caravanBefore = true;", "args": [String]()])
        try await click(selector)
        let loaded = "return window.caravanBefore === undefined && document.readyState === 'complete';"
        for _ in 0..<600 {
            if try await command("execute/sync", "POST", ["script": loaded, "args": [String]()]) as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError("the form's answer did not load within a minute")
    }

    /// The document as the browser now holds it.
    public func source() async throws -> String {
        guard let source = try await command("source", "GET", nil) as? String else { throw TestSetupError("the page has no source") }
        return source
    }

    /// Ends the browser and its driver.
    public func quit() async {
        _ = try? await command("", "DELETE", nil)
        driver.stop()
    }

    private func element(_ selector: String) async throws -> String {
        let found = try await command("element", "POST", ["using": "css selector", "value": selector]) as? [String: Any]
        guard let id = found?.values.first as? String else { throw TestSetupError("no element \(selector)") }
        return id
    }

    private func command(_ path: String, _ method: String, _ body: Any?) async throws -> Any {
        try await Self.call(path.isEmpty ? session : session.appendingPathComponent(path), method, body)
    }

    /// One WebDriver call: its `value`, or the driver's error as a thrown one.
    private static func call(_ url: URL, _ method: String, _ body: Any?) async throws -> Any {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .init(rawValue: method)
        if let body {
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        let answer = (try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any])?["value"] ?? NSNull()
        guard response.status == .ok else {
            throw TestSetupError("WebDriver \(method) \(url.path): \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
        return answer
    }
}
