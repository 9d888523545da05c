//! Reading the `generate-notification` parameters, each error naming its field.

use serde_json::Value;

use super::config::TemplateOverride;
use super::data::SECTIONS;
use super::kinds::{self, Audience, Kind};
use super::recipients::Wanted;
use super::templates::PARTS;
use crate::error::{ErrorCode, RequestError};
use crate::params::{as_obj, missing, Obj};

pub const CHANNELS: &[&str] = &["email", "slack", "pagerduty", "markdown"];
const URGENCIES: &[&str] = &["low", "medium", "high", "critical"];
const PAGER_ACTIONS: &[&str] = &["trigger", "acknowledge", "resolve"];
const FIELDS: &[&str] = &[
    "escalation_id",
    "notification_type",
    "recipients",
    "include",
    "urgency",
    "channels",
    "message",
    "pagerduty_action",
    "record",
    "templates",
];

/// Everything one notification needs besides the workspace.
#[derive(Debug, Clone)]
pub struct Spec {
    pub kind: Kind,
    /// Empty: the tier's stakeholder roles (internal) or the customer (customer-facing).
    pub wanted: Vec<Wanted>,
    pub include: Vec<String>,
    pub urgency: Option<String>,
    pub channels: Vec<String>,
    pub message: Option<String>,
    pub pager_action: Option<String>,
    /// Keys merged into the template data (decision, aging facts).
    pub extra: Value,
    /// Applied after the config's templates: the editor's live preview.
    pub templates: Vec<TemplateOverride>,
}

impl Spec {
    pub fn new(kind: Kind) -> Self {
        let channels = default_channels(&kind);
        Self {
            kind,
            wanted: Vec::new(),
            include: SECTIONS.iter().map(|s| s.to_string()).collect(),
            urgency: None,
            channels,
            message: None,
            pager_action: None,
            extra: Value::Null,
            templates: Vec::new(),
        }
    }
}

/// Customers are written to, not paged: their types default to email and Markdown.
pub fn default_channels(kind: &Kind) -> Vec<String> {
    let list: &[&str] = match kind.audience {
        Audience::Internal => CHANNELS,
        Audience::Customer => &["email", "markdown"],
    };
    list.iter().map(|s| s.to_string()).collect()
}

fn one_of(o: &Obj, key: &str, allowed: &[&str]) -> Result<Option<String>, RequestError> {
    match o.str(key)? {
        None => Ok(None),
        Some(s) if allowed.contains(&s) => Ok(Some(s.to_string())),
        Some(s) => Err(RequestError::new(
            ErrorCode::OutOfRange,
            o.path_of(key),
            format!(
                "unknown value '{s}'; expected one of: {}",
                allowed.join(", ")
            ),
        )),
    }
}

fn list_of(o: &Obj, key: &str, allowed: &[&str]) -> Result<Option<Vec<String>>, RequestError> {
    if o.get(key).is_none() {
        return Ok(None);
    }
    let items = o.string_list(key)?;
    for (i, s) in items.iter().enumerate() {
        if !allowed.contains(s) {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                format!("{}.{i}", o.path_of(key)),
                format!(
                    "unknown value '{s}'; expected one of: {}",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(Some(items.into_iter().map(String::from).collect()))
}

pub fn check_fields(p: &Obj, known: &[&str]) -> Result<(), RequestError> {
    match p.map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(RequestError::new(
            ErrorCode::UnknownField,
            p.path_of(k),
            format!("unknown field '{k}'; known: {}", known.join(", ")),
        )),
        None => Ok(()),
    }
}

/// `[{role: x}, {email: y, name?: z}, "role"]`.
pub fn recipients(p: &Obj, key: &str) -> Result<Vec<Wanted>, RequestError> {
    let Some(v) = p.get(key) else {
        return Ok(Vec::new());
    };
    let path = p.path_of(key);
    let items = v.as_array().ok_or_else(|| {
        RequestError::new(ErrorCode::WrongType, &path, "expected a list of recipients")
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let ipath = format!("{path}[{i}]");
            if let Some(role) = item.as_str() {
                return Ok(Wanted::Role(role.to_string()));
            }
            let o = as_obj(item, &ipath)?;
            check_fields(&o, &["role", "email", "name"])?;
            match (o.str("role")?, o.str("email")?) {
                (Some(r), None) => Ok(Wanted::Role(r.to_string())),
                (None, Some(e)) if super::recipients::is_address(e) => Ok(Wanted::Email {
                    email: e.to_string(),
                    name: o.str("name")?.map(String::from),
                }),
                (None, Some(_)) => Err(RequestError::new(
                    ErrorCode::OutOfRange,
                    o.path_of("email"),
                    "not an email address (expected one plain address like name@example.com)",
                )),
                _ => Err(missing(&ipath).with_message("give exactly one of `role` or `email`")),
            }
        })
        .collect()
}

pub fn templates(p: &Obj) -> Result<Vec<TemplateOverride>, RequestError> {
    let Some(v) = p.get("templates") else {
        return Ok(Vec::new());
    };
    let list: Vec<TemplateOverride> = crate::value_de::from_value(v.clone()).map_err(|e| {
        RequestError::new(
            ErrorCode::WrongType,
            p.path_of("templates"),
            format!(
                "expected [{{notification_type, part, source}}]: {}",
                crate::error::plain_words(&e.to_string())
            ),
        )
    })?;
    if let Some((i, t)) = list
        .iter()
        .enumerate()
        .find(|(_, t)| !PARTS.contains(&t.part.as_str()))
    {
        return Err(RequestError::new(
            ErrorCode::OutOfRange,
            format!("{}.{i}.part", p.path_of("templates")),
            format!(
                "unknown part '{}'; expected one of: {}",
                t.part,
                PARTS.join(", ")
            ),
        ));
    }
    Ok(list)
}

/// Returns the escalation id, the spec and whether to record.
pub fn parse(parameters: &Value) -> Result<(String, Spec, bool), RequestError> {
    let p = as_obj(parameters, "parameters")?;
    check_fields(&p, FIELDS)?;
    let id = p.req_str("escalation_id")?.to_string();
    let type_id = p.req_str("notification_type")?;
    let kind = kinds::parse(type_id).ok_or_else(|| {
        RequestError::new(
            ErrorCode::OutOfRange,
            p.path_of("notification_type"),
            format!(
                "unknown notification type '{type_id}'; expected one of: {}",
                kinds::all_ids()
            ),
        )
    })?;
    let mut spec = Spec::new(kind);
    spec.wanted = recipients(&p, "recipients")?;
    if let Some(inc) = list_of(&p, "include", SECTIONS)? {
        spec.include = inc;
    }
    spec.urgency = one_of(&p, "urgency", URGENCIES)?;
    if let Some(ch) = list_of(&p, "channels", CHANNELS)? {
        spec.channels = ch;
    }
    spec.message = p.str("message")?.map(String::from);
    spec.pager_action = one_of(&p, "pagerduty_action", PAGER_ACTIONS)?;
    spec.templates = templates(&p)?;
    let record = p.bool("record")?.unwrap_or(true);
    Ok((id, spec, record))
}
