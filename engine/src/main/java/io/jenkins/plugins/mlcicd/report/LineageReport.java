package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@code training} result document (a lineage record) as an HTML fragment: code commit,
 * data snapshots, parameters, environment, metrics, model digest, registry version and alias moves,
 * the log tail of a failed run, then the checks. Reads the document's JSON fields only, so it does
 * not depend on the lineage package. Like {@link HtmlReport}: every text goes through
 * {@link Html#escape}, classes only, no style or script (Content-Security-Policy clean).
 */
public final class LineageReport {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");
    /** {@code git@host:owner/repo.git}: the scp-like form of an SSH remote. */
    private static final Pattern SCP_REMOTE = Pattern.compile("[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):([A-Za-z0-9._~/-]+?)(\\.git)?/?");

    private LineageReport() {
    }

    public static String fragment(ResultDocument document) {
        if (document.kind() != ResultKind.TRAINING) {
            return HtmlReport.fragment(document);
        }
        ObjectNode fields = document.fields();
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"mlcicd-report mlcicd-lineage\" data-kind=\"training\">\n");
        html.append("<p class=\"mlcicd-summary\">").append(HtmlReport.verdictBadge(document.verdict())).append(' ')
                .append(Html.escape(document.summary())).append("</p>\n");
        code(html, fields.path("code"));
        model(html, fields.path("model"));
        registry(html, fields.path("registry"));
        data(html, fields.path("data"));
        keyValues(html, "Parameters", fields.path("params"), false);
        keyValues(html, "Metrics", fields.path("metrics"), true);
        environment(html, fields.path("environment"));
        command(html, fields);
        html.append("<h2>Checks</h2>\n").append(HtmlReport.checksTable(document));
        html.append("</div>\n");
        return html.toString();
    }

    private static void code(StringBuilder html, JsonNode code) {
        html.append("<h2>Code</h2>\n<dl class=\"mlcicd-facts\">\n");
        String commit = text(code, "commit");
        if (commit == null) {
            row(html, "Commit", Html.escape("none recorded: " + nonNull(text(code, "absentReason"))));
        } else {
            String url = commitUrl(text(code, "remote"), commit);
            String shown = "<code>" + Html.escape(commit) + "</code>";
            row(html, "Commit", url == null ? shown : "<a href=\"" + Html.escape(url) + "\" rel=\"noopener noreferrer\">" + shown + "</a>");
            optionalRow(html, "Branch", text(code, "branch"));
            if (code.has("dirty")) {
                row(html, "Working copy", code.path("dirty").asBoolean() ? "uncommitted changes to tracked files" : "clean");
            }
            optionalRow(html, "Remote", text(code, "remote"));
            optionalRow(html, "Source", "scm".equals(text(code, "source")) ? "the CI system's SCM data" : text(code, "source"));
        }
        html.append("</dl>\n");
    }

    private static void model(StringBuilder html, JsonNode model) {
        html.append("<h2>Model</h2>\n");
        if (!model.isObject()) {
            html.append("<p class=\"mlcicd-missing\">No model was recorded (the run did not succeed).</p>\n");
            return;
        }
        html.append("<dl class=\"mlcicd-facts\">\n");
        row(html, "Path", "<code>" + Html.escape(text(model, "path")) + "</code>");
        row(html, "SHA-256", "<code>" + Html.escape(text(model, "sha256")) + "</code>");
        row(html, "Size", Html.escape(model.path("bytes").asLong() + " bytes"
                + (model.path("files").asInt(1) > 1 ? " in " + model.path("files").asInt() + " files" : "")));
        html.append("</dl>\n");
    }

    private static void registry(StringBuilder html, JsonNode registry) {
        if (!registry.isObject()) {
            return;
        }
        html.append("<h2>Registry</h2>\n<dl class=\"mlcicd-facts\">\n");
        row(html, "Model", Html.escape(text(registry, "name")));
        optionalRow(html, "Registry", text(registry, "location"));
        if (registry.has("version")) {
            row(html, "Version", Html.escape(String.valueOf(registry.path("version").asInt())));
        }
        optionalRow(html, "Model bytes at", text(registry, "modelUri"));
        optionalRow(html, "Not registered", text(registry, "skipped"));
        String error = text(registry, "error");
        if (error != null) {
            row(html, "Error", "<span class=\"mlcicd-missing\">" + Html.escape(error) + "</span>");
        }
        html.append("</dl>\n");
        JsonNode moves = registry.path("aliasMoves");
        if (moves.isArray() && !moves.isEmpty()) {
            html.append("<table class=\"mlcicd-checks\">\n<thead><tr><th>Alias</th><th>From</th><th>To</th><th>By</th>"
                    + "<th>Why</th><th>When</th></tr></thead>\n<tbody>\n");
            for (JsonNode move : moves) {
                html.append("<tr><td>").append(Html.escape(text(move, "alias"))).append("</td><td class=\"num\">")
                        .append(Html.escape(version(move.path("fromVersion")))).append("</td><td class=\"num\">")
                        .append(Html.escape(version(move.path("toVersion")))).append("</td><td>")
                        .append(Html.escape(text(move, "actor"))).append("</td><td>")
                        .append(Html.escape(text(move, "reason"))).append("</td><td>")
                        .append(Html.escape(text(move, "timestamp"))).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private static void data(StringBuilder html, JsonNode data) {
        html.append("<h2>Data</h2>\n");
        if (!data.isArray() || data.isEmpty()) {
            html.append("<p>No training data was recorded.</p>\n");
            return;
        }
        html.append("<table class=\"mlcicd-checks\">\n<thead><tr><th>Input</th><th>Snapshot ID</th><th>Kind</th>"
                + "<th>Files</th><th>Bytes</th></tr></thead>\n<tbody>\n");
        for (JsonNode entry : data) {
            html.append("<tr><td><code>").append(Html.escape(text(entry, "path"))).append("</code></td><td><code>")
                    .append(Html.escape(text(entry, "snapshotId"))).append("</code></td><td>")
                    .append(Html.escape(text(entry, "source"))).append("</td><td class=\"num\">")
                    .append(Html.escape(entry.has("files") ? entry.path("files").asText() : "—")).append("</td><td class=\"num\">")
                    .append(Html.escape(entry.has("bytes") ? entry.path("bytes").asText() : "—")).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void keyValues(StringBuilder html, String title, JsonNode values, boolean numbers) {
        html.append("<h2>").append(Html.escape(title)).append("</h2>\n");
        if (!values.isObject() || values.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table class=\"mlcicd-checks\">\n<tbody>\n");
        values.properties().forEach(field -> {
            JsonNode value = field.getValue();
            String shown = numbers && value.isNumber() ? Numbers.format(value.doubleValue()) : value.asText();
            html.append("<tr><th>").append(Html.escape(field.getKey())).append("</th><td")
                    .append(numbers ? " class=\"num\"" : "").append('>').append(Html.escape(shown)).append("</td></tr>\n");
        });
        html.append("</tbody>\n</table>\n");
    }

    private static void environment(StringBuilder html, JsonNode env) {
        html.append("<h2>Environment</h2>\n<dl class=\"mlcicd-facts\">\n");
        optionalRow(html, "OS", text(env, "os"));
        optionalRow(html, "Architecture", text(env, "arch"));
        if (env.has("cpus")) {
            row(html, "CPUs", Html.escape(env.path("cpus").asText()));
        }
        optionalRow(html, "Java", text(env, "java"));
        optionalRow(html, "Python", text(env, "python"));
        String pip = text(env, "pipFreezeSha256");
        if (pip != null) {
            row(html, "pip freeze SHA-256", "<code>" + Html.escape(pip) + "</code>");
        }
        optionalRow(html, "Python not described", text(env, "pythonProblem"));
        html.append("</dl>\n");
    }

    private static void command(StringBuilder html, ObjectNode fields) {
        html.append("<h2>Command</h2>\n<dl class=\"mlcicd-facts\">\n");
        row(html, "Command", "<code>" + Html.escape(text(fields, "command")) + "</code>");
        JsonNode exit = fields.path("exitCode");
        row(html, "Exit code", Html.escape(exit.isNumber() ? exit.asText() : "— (not started)"));
        if (fields.path("timedOut").asBoolean(false)) {
            row(html, "Timed out", "yes");
        }
        html.append("</dl>\n");
        JsonNode tail = fields.path("logTail");
        if (tail.isArray() && !tail.isEmpty()) {
            html.append("<p>Last lines of its output:</p>\n<pre class=\"mlcicd-log\">");
            for (JsonNode line : tail) {
                html.append(Html.escape(line.asText())).append('\n');
            }
            html.append("</pre>\n");
        }
    }

    /**
     * A web link to the commit when the remote is a known web host reached over http(s) or the
     * scp-like SSH form ({@code git@github.com:o/r.git}); null otherwise. Only {@code https:}
     * (and {@code http:} as given) links are made, never with user info, so a crafted remote cannot
     * produce a {@code javascript:} link or leak credentials.
     */
    public static String commitUrl(String remote, String commit) {
        if (remote == null || commit == null || !COMMIT.matcher(commit).matches()) {
            return null;
        }
        String scheme;
        String host;
        String path;
        Matcher scp = SCP_REMOTE.matcher(remote);
        if (scp.matches()) {
            scheme = "https";
            host = scp.group(1);
            path = "/" + scp.group(2);
        } else {
            try {
                URI uri = new URI(remote);
                scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("ssh") || scheme.equals("git")) {
                    scheme = "https";
                } else if (!scheme.equals("https") && !scheme.equals("http")) {
                    return null;
                }
                host = uri.getHost();
                path = uri.getPath();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        if (host == null || path == null || path.isEmpty() || path.equals("/")) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        String repo = path.replaceAll("/+$", "").replaceAll("\\.git$", "");
        if (!repo.matches("(/[A-Za-z0-9._~-]+)+")) {
            return null;
        }
        String base = scheme + "://" + host + repo;
        if (host.equals("github.com") || host.startsWith("github.") || host.startsWith("gitlab.") || host.equals("gitlab.com")
                || host.equals("codeberg.org") || host.startsWith("gitea.")) {
            return base + (host.contains("gitlab") ? "/-/commit/" : "/commit/") + commit;
        }
        if (host.equals("bitbucket.org")) {
            return base + "/commits/" + commit;
        }
        return null;
    }

    private static String version(JsonNode version) {
        return version.isNumber() ? "v" + version.asInt() : "—";
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<dt>").append(Html.escape(label)).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static void optionalRow(StringBuilder html, String label, String value) {
        if (value != null && !value.isEmpty()) {
            row(html, label, Html.escape(value));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String nonNull(String text) {
        return text == null ? "unknown" : text;
    }
}
