//! Renders one template part (`crate::template`, upon's syntax). Each part has its own escaping engine (see
//! `escape`), and a template comes from the config's overrides before the shipped default.
//! A template that does not compile or render is an `invalid_template` error naming its
//! line: the template editor shows it, and nothing panics.

use serde_json::Value;

use super::config::TemplateOverride;
use super::escape;
use super::templates;
use crate::error::{ErrorCode, RequestError};
use crate::template::{Formatters, Template, TemplateError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    Html,
    Markdown,
    Slack,
}

fn mode_of(part: &str) -> Mode {
    match part {
        "html" | "handoff_html" => Mode::Html,
        "markdown" | "handoff_markdown" => Mode::Markdown,
        "slack" => Mode::Slack,
        _ => Mode::Plain,
    }
}

fn formatters(mode: Mode) -> Formatters<'static> {
    match mode {
        Mode::Plain => Formatters {
            default: escape::fmt_plain,
            named: &[],
        },
        Mode::Html => Formatters {
            default: escape::fmt_html,
            named: &[("href", escape::fmt_href)],
        },
        Mode::Markdown => Formatters {
            default: escape::fmt_markdown,
            named: &[],
        },
        Mode::Slack => Formatters {
            default: escape::fmt_slack,
            named: &[],
        },
    }
}

/// Where a template's source came from, so an error can point at it.
struct Source<'a> {
    text: &'a str,
    path: String,
}

fn source<'a>(part: &str, type_id: &str, overrides: &'a [TemplateOverride]) -> Source<'a> {
    let pick = |wanted: &str| {
        overrides
            .iter()
            .enumerate()
            .rev()
            .find(|(_, o)| o.part == part && o.notification_type == wanted)
    };
    match pick(type_id).or_else(|| pick("*")) {
        Some((i, o)) => Source {
            text: &o.source,
            path: format!("config.templates.{i}.source"),
        },
        None => Source {
            text: templates::default_for(part),
            path: format!("templates.{part}"),
        },
    }
}

/// Renders `part` of notification `type_id` with `data`.
pub fn render(
    part: &str,
    type_id: &str,
    overrides: &[TemplateOverride],
    data: &Value,
) -> Result<String, RequestError> {
    let src = source(part, type_id, overrides);
    render_source(part, src.text, &src.path, data)
}

/// Renders a template given as text (the template editor's live preview uses this too).
pub fn render_source(
    part: &str,
    text: &str,
    path: &str,
    data: &Value,
) -> Result<String, RequestError> {
    Template::compile(text)
        .and_then(|t| t.render(data, &formatters(mode_of(part))))
        .map_err(|e| template_error(path, part, &e))
}

/// Compiles a template without rendering it: how a config update checks an edited template
/// before storing it (rendering needs a notification's data).
pub fn check_source(part: &str, text: &str, path: &str) -> Result<(), RequestError> {
    Template::compile(text)
        .map(|_| ())
        .map_err(|e| template_error(path, part, &e))
}

fn template_error(path: &str, part: &str, e: &TemplateError) -> RequestError {
    RequestError::new(
        ErrorCode::InvalidTemplate,
        path,
        format!("template '{part}', {e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn broken_template_names_its_line() {
        let err = render_source(
            "markdown",
            "line one\n{{ x }}\n{% if %}",
            "t",
            &json!({"x": 1}),
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidTemplate);
        assert!(err.message.contains("line 3"), "{}", err.message);
    }

    #[test]
    fn missing_variable_is_an_error_not_a_panic() {
        let err = render_source("html", "a\nb {{ nope.x }}", "t", &json!({})).unwrap_err();
        assert!(err.message.contains("line 2"), "{}", err.message);
    }

    #[test]
    fn html_escapes_and_has_no_raw_escape_hatch() {
        let v = json!({"s": "<b>&"});
        assert_eq!(
            render_source("html", "{{ s }}", "t", &v).unwrap(),
            "&lt;b&gt;&amp;"
        );
        assert!(render_source("html", "{{ s | raw }}", "t", &v).is_err());
        assert_eq!(
            render_source("html", "{{ s | href }}", "t", &json!({"s": "javascript:x"})).unwrap(),
            "#"
        );
    }
}
