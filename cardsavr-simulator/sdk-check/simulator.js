"use strict";
// Starts the simulator CLI (java -jar) with HTTPS on a free loopback port and fresh random secrets,
// reads what it prints (base URL, certificate file), and offers its admin API.

const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const https = require("https");
const readline = require("readline");

const STARTUP_TIMEOUT_MS = 60000;

async function startSimulator(jarPath) {
    if (!fs.existsSync(jarPath)) {
        throw new Error(`${jarPath} does not exist; build it first: mvn -B -ntp -pl cardsavr-simulator package -DskipTests`);
    }
    const settings = {
        integratorName: "sdk-check",
        integratorKey: crypto.randomBytes(32).toString("base64"),
        username: "agent",
        // Random per run and only ever sent to this loopback process.
        password: crypto.randomBytes(18).toString("base64"),
    };
    const child = spawn("java", ["-jar", jarPath, "--port", "0", "--https", "--step-delay-ms", "20",
        "--integrator-name", settings.integratorName, "--integrator-key", settings.integratorKey,
        "--username", settings.username, "--password", settings.password], { stdio: ["ignore", "pipe", "pipe"] });
    const printed = [];
    child.stderr.on("data", chunk => printed.push(chunk.toString()));
    const lines = readline.createInterface({ input: child.stdout });

    const started = await new Promise((resolve, reject) => {
        const found = {};
        const timer = setTimeout(() => fail(new Error(`the simulator did not start within ${STARTUP_TIMEOUT_MS} ms`)),
            STARTUP_TIMEOUT_MS);
        function fail(error) {
            clearTimeout(timer);
            child.kill();
            reject(new Error(`${error.message}\n${printed.join("")}`));
        }
        child.on("exit", code => fail(new Error(`the simulator exited with status ${code}`)));
        lines.on("line", line => {
            printed.push(line + "\n");
            let match;
            if ((match = line.match(/listening on (https:\/\/\S+)/))) {
                found.baseUrl = match[1];
            } else if ((match = line.match(/Self-signed certificate: (.+)$/))) {
                found.certPath = match[1].trim();
            } else if (line.startsWith("Admin API:")) {
                clearTimeout(timer);
                child.removeAllListeners("exit");
                resolve(found);
            }
        });
    });
    if (!started.baseUrl || !started.certPath) {
        child.kill();
        throw new Error(`the simulator did not print its URL and certificate:\n${printed.join("")}`);
    }
    const certPem = fs.readFileSync(started.certPath, "utf8");
    const agent = new https.Agent({ ca: certPem, rejectUnauthorized: true });

    function admin(method, path, body) {
        return new Promise((resolve, reject) => {
            const url = new URL(`/_simulator${path}`, started.baseUrl);
            const request = https.request(url, { method, agent, headers: { "content-type": "application/json" } },
                response => {
                    let text = "";
                    response.on("data", chunk => { text += chunk; });
                    response.on("end", () => {
                        if (response.statusCode !== 200) {
                            reject(new Error(`admin ${method} ${path} answered ${response.statusCode}: ${text}`));
                        } else {
                            resolve(JSON.parse(text));
                        }
                    });
                });
            request.on("error", reject);
            request.end(body === undefined ? undefined : JSON.stringify(body));
        });
    }

    function stop() {
        return new Promise(resolve => {
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
        });
    }

    return { ...settings, baseUrl: started.baseUrl, certPath: started.certPath, certPem, admin, stop };
}

module.exports = { startSimulator };
