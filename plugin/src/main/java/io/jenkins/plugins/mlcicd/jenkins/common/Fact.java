package io.jenkins.plugins.mlcicd.jenkins.common;

/**
 * A labelled line above a result page's report (e.g. "Baseline: build #12"). A class with getters,
 * not a record: Jelly's expression language reads bean properties.
 */
public final class Fact {
    private final String label;
    private final String text;
    private final String url;

    /**
     * @param url where {@code text} links to, relative to Jenkins' root URL (e.g. {@code job/p/12/}), or null
     */
    public Fact(String label, String text, String url) {
        this.label = label;
        this.text = text;
        this.url = url;
    }

    public String getLabel() {
        return label;
    }

    public String getText() {
        return text;
    }

    public String getUrl() {
        return url;
    }
}
