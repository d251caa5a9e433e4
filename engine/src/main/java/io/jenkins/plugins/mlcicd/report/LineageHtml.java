package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@code training} result document: the checks, then the lineage — code (commit linked
 * to the repository's web page where the remote is a known forge URL), data snapshots, parameters,
 * environment, metrics, model digest, registry version and alias moves, and the log tail of a
 * failed run. Reads the document's JSON fields only, so it renders documents from any engine
 * version. Content-Security-Policy clean: classes only, no script, no inline handlers.
 */
public final class LineageHtml {
    private static final Pattern SCP_REMOTE = Pattern.compile("^[\\w.-]+@([\\w.-]+):(.+?)(\\.git)?/?$");
    private static final Pattern HTTP_REMOTE = Pattern.compile("^(https?)://([^/@]+@)?([^/]+)/(.+?)(\\.git)?/?$");

    private LineageHtml() {
    }

    public static String fragment(ResultDocument document) {
        if (document.kind() != ResultKind.TRAINING) {
            return HtmlReport.genericFragment(document);
        }
        ObjectNode f = document.fields();
        StringBuilder html = new StringBuilder();
        html.append(HtmlReport.open(document, " mlcicd-lineage"));
        html.append(HtmlReport.checksTable(document));

        JsonNode code = f.path("code");
        html.append("<h3>Code</h3>\n");
        if (code.hasNonNull("commit")) {
            String commit = code.get("commit").asText();
            String url = commitUrl(code.path("remote").asText(null), commit);
            html.append(table(new String[][] {
                {"commit", url == null ? Html.escape(commit) : "<a href=\"" + Html.escape(url) + "\">" + Html.escape(commit) + "</a>"},
                {"branch", Html.escape(code.path("branch").asText("(detached)"))},
                {"uncommitted changes", code.path("dirty").isBoolean() ? (code.get("dirty").asBoolean() ? "yes" : "no") : "unknown"},
                {"remote", Html.escape(code.path("remote").asText("—"))}}));
        } else {
            html.append("<p>No commit recorded: ").append(Html.escape(code.path("absentReason").asText("unknown"))).append("</p>\n");
        }

        html.append("<h3>Data</h3>\n<table class=\"mlcicd-checks\"><thead><tr><th>Input</th><th>Snapshot ID</th>"
                + "<th>Files</th><th>Bytes</th></tr></thead><tbody>\n");
        for (JsonNode data : f.path("data")) {
            html.append("<tr><td>").append(Html.escape(data.path("path").asText())).append("</td><td><code>")
                    .append(Html.escape(data.path("snapshotId").asText())).append("</code></td><td class=\"num\">")
                    .append(Html.escape(data.path("files").asText("—"))).append("</td><td class=\"num\">")
                    .append(Html.escape(data.path("bytes").asText("—"))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        html.append("<h3>Parameters</h3>\n").append(keyValues(f.path("params"), false));
        html.append("<h3>Metrics</h3>\n").append(keyValues(f.path("metrics"), true));

        JsonNode model = f.path("model");
        if (model.isObject()) {
            html.append("<h3>Model</h3>\n").append(table(new String[][] {
                {"path", Html.escape(model.path("path").asText())},
                {"sha256", "<code>" + Html.escape(model.path("sha256").asText()) + "</code>"},
                {"bytes", Html.escape(model.path("bytes").asText())}}));
        }

        JsonNode env = f.path("environment");
        html.append("<h3>Environment</h3>\n").append(table(new String[][] {
            {"os", Html.escape(env.path("os").asText("—"))},
            {"arch", Html.escape(env.path("arch").asText("—"))},
            {"cpus", Html.escape(env.path("cpus").asText("—"))},
            {"java", Html.escape(env.path("java").asText("—"))},
            {"python", Html.escape(env.path("python").asText(env.path("pythonProblem").asText("—")))},
            {"pip freeze sha256", "<code>" + Html.escape(env.path("pipFreezeSha256").asText("—")) + "</code>"}}));

        html.append("<h3>Command</h3>\n<p><code>").append(Html.escape(f.path("command").asText())).append("</code> → exit code ")
                .append(Html.escape(f.path("exitCode").asText("none"))).append("</p>\n");
        if (f.path("logTail").isArray()) {
            html.append("<pre class=\"mlcicd-log\">");
            f.path("logTail").forEach(line -> html.append(Html.escape(line.asText())).append('\n'));
            html.append("</pre>\n");
        }

        JsonNode registry = f.path("registry");
        if (registry.isObject()) {
            html.append("<h3>Registry</h3>\n");
            if (registry.has("version")) {
                html.append("<p>").append(Html.escape(registry.path("name").asText())).append(" version ")
                        .append(Html.escape(registry.path("version").asText())).append(" in ")
                        .append(Html.escape(registry.path("location").asText())).append("</p>\n");
            } else {
                html.append("<p>Not registered: ").append(Html.escape(registry.path("error").asText(registry.path("skipped").asText()))).append("</p>\n");
            }
            for (JsonNode move : registry.path("aliasMoves")) {
                html.append("<p>alias <strong>").append(Html.escape(move.path("alias").asText())).append("</strong> → version ")
                        .append(Html.escape(move.path("toVersion").asText("removed"))).append(" by ")
                        .append(Html.escape(move.path("actor").asText())).append(": ").append(Html.escape(move.path("reason").asText()))
                        .append("</p>\n");
            }
        }
        html.append("</div>\n");
        return html.toString();
    }

    /** The web page of a commit for https or scp-style remotes of common forges; null when unknown. */
    static String commitUrl(String remote, String commit) {
        if (remote == null || commit == null) {
            return null;
        }
        String host;
        String path;
        Matcher scp = SCP_REMOTE.matcher(remote);
        Matcher http = HTTP_REMOTE.matcher(remote);
        if (http.matches()) {
            host = http.group(3);
            path = http.group(4);
        } else if (scp.matches()) {
            host = scp.group(1);
            path = scp.group(2);
        } else {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.contains("gitlab")) {
            return "https://" + host + "/" + path + "/-/commit/" + commit;
        }
        if (lower.contains("bitbucket")) {
            return "https://" + host + "/" + path + "/commits/" + commit;
        }
        if (lower.contains("github") || lower.contains("gitea") || lower.contains("codeberg")) {
            return "https://" + host + "/" + path + "/commit/" + commit;
        }
        return null;
    }

    private static String table(String[][] rows) {
        StringBuilder html = new StringBuilder("<table class=\"mlcicd-checks\"><tbody>\n");
        for (String[] row : rows) {
            html.append("<tr><th>").append(Html.escape(row[0])).append("</th><td>").append(row[1]).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String keyValues(JsonNode object, boolean numeric) {
        if (!object.isObject() || object.isEmpty()) {
            return "<p>none</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"mlcicd-checks\"><tbody>\n");
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String value = numeric && e.getValue().isNumber() ? Numbers.format(e.getValue().asDouble()) : e.getValue().asText();
            html.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td").append(numeric ? " class=\"num\">" : ">")
                    .append(Html.escape(value)).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }
}
