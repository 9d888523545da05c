//! The cast of the demo: customers, categories, products, owners and the words they use.

/// `(id, name, segment, health_score, contract_value)`.
pub type Customer = (&'static str, &'static str, &'static str, f64, f64);

pub const NORTHWIND: Customer = (
    "cust-northwind",
    "Northwind Logistics",
    "enterprise",
    45.0,
    500_000.0,
);

pub const CUSTOMERS: &[Customer] = &[
    NORTHWIND,
    (
        "cust-contoso",
        "Contoso Retail",
        "strategic",
        72.0,
        1_400_000.0,
    ),
    (
        "cust-fabrikam",
        "Fabrikam Health",
        "strategic",
        58.0,
        2_100_000.0,
    ),
    (
        "cust-globex",
        "Globex Manufacturing",
        "enterprise",
        81.0,
        650_000.0,
    ),
    (
        "cust-initech",
        "Initech Financial",
        "enterprise",
        38.0,
        420_000.0,
    ),
    (
        "cust-umbrella",
        "Umbrella Pharma",
        "enterprise",
        66.0,
        780_000.0,
    ),
    ("cust-hooli", "Hooli Media", "enterprise", 90.0, 300_000.0),
    (
        "cust-stark",
        "Stark Mobility",
        "strategic",
        84.0,
        3_000_000.0,
    ),
    ("cust-wayne", "Wayne Freight", "mid_market", 55.0, 120_000.0),
    ("cust-acme", "Acme Tools", "mid_market", 77.0, 90_000.0),
    (
        "cust-vandelay",
        "Vandelay Imports",
        "mid_market",
        42.0,
        75_000.0,
    ),
    (
        "cust-soylent",
        "Soylent Foods",
        "mid_market",
        68.0,
        140_000.0,
    ),
    (
        "cust-tyrell",
        "Tyrell Robotics",
        "enterprise",
        61.0,
        900_000.0,
    ),
    ("cust-oscorp", "Oscorp Labs", "mid_market", 35.0, 160_000.0),
    (
        "cust-cyberdyne",
        "Cyberdyne Systems",
        "enterprise",
        73.0,
        1_100_000.0,
    ),
    ("cust-pied", "Pied Piper", "smb", 88.0, 18_000.0),
    ("cust-bluth", "Bluth Company", "smb", 30.0, 12_000.0),
    ("cust-dunder", "Dunder Paper", "smb", 64.0, 24_000.0),
    ("cust-krusty", "Krusty Foods", "smb", 79.0, 8_000.0),
    (
        "cust-gringotts",
        "Gringotts Savings",
        "strategic",
        47.0,
        2_600_000.0,
    ),
    (
        "cust-monarch",
        "Monarch Travel",
        "mid_market",
        83.0,
        95_000.0,
    ),
    ("cust-wonka", "Wonka Confectionery", "smb", 70.0, 30_000.0),
    (
        "cust-sterling",
        "Sterling Cooper",
        "mid_market",
        52.0,
        210_000.0,
    ),
    (
        "cust-massive",
        "Massive Dynamic",
        "enterprise",
        59.0,
        560_000.0,
    ),
];

pub const CATEGORIES: &[(&str, i64)] = &[
    ("performance", 22),
    ("outage", 10),
    ("bug", 20),
    ("integration", 15),
    ("authentication", 10),
    ("data_integrity", 8),
    ("billing", 10),
    ("security", 5),
];

pub const PRODUCTS: &[&str] = &[
    "Platform API",
    "Analytics",
    "Mobile App",
    "Billing Portal",
    "Integrations Hub",
];

pub const SEVERITIES: &[(&str, i64)] =
    &[("low", 20), ("medium", 40), ("high", 30), ("critical", 10)];

pub const IMPACTS: &[(&str, i64)] = &[
    ("single_user", 30),
    ("single_customer", 45),
    ("multiple_customers", 18),
    ("all_customers", 7),
];

pub const SENTIMENTS: &[(&str, i64)] = &[
    ("positive", 10),
    ("neutral", 35),
    ("concerned", 30),
    ("frustrated", 18),
    ("angry", 7),
];

/// Who owns escalations at each tier (index = tier - 1); all are in the default directory.
pub const OWNERS: [&[&str]; 4] = [
    &["sam.rivera@company.com", "priya.natarajan@company.com"],
    &[
        "engineer@company.com",
        "alex.chen@company.com",
        "tier2.lead@company.com",
    ],
    &["dana.kim@company.com", "lee.novak@company.com"],
    &["lee.novak@company.com", "dana.kim@company.com"],
];

/// Summary templates per category: what a customer would write in the ticket.
pub fn summary(category: &str, product: &str) -> String {
    let what = match category {
        "performance" => "responses slow to several seconds under normal load",
        "outage" => "service unavailable, requests fail with 503",
        "bug" => "wrong totals shown after the latest release",
        "integration" => "webhooks stop arriving after a few hours",
        "authentication" => "SSO login loops back to the sign-in page",
        "data_integrity" => "records duplicated after a bulk import",
        "billing" => "invoice charged twice for the same period",
        _ => "suspicious API tokens created outside business hours",
    };
    format!("{product}: {what}")
}

pub fn action_step(category: &str, n: i64) -> &'static str {
    let steps: &[&str] = match category {
        "performance" => &[
            "Captured profiles from the slow endpoints",
            "Scaled the worker pool as a stopgap",
            "Identified an unindexed query and added an index",
        ],
        "outage" => &[
            "Failed over to the standby region",
            "Rolled back the last deployment",
            "Restored service and confirmed with synthetic checks",
        ],
        "integration" => &[
            "Replayed the failed webhook deliveries",
            "Rotated the customer's endpoint secret",
            "Fixed retry back-off in the delivery worker",
        ],
        "authentication" => &[
            "Compared the IdP metadata with our SAML config",
            "Renewed the expired signing certificate",
            "Confirmed login works for the customer's admins",
        ],
        "data_integrity" => &[
            "Froze the affected import job",
            "Wrote a de-duplication script and ran it on staging",
            "Ran the de-duplication in production with the customer's approval",
        ],
        "billing" => &[
            "Confirmed the duplicate charge in the ledger",
            "Issued a refund for the duplicate charge",
            "Fixed the proration rule that caused it",
        ],
        "security" => &[
            "Revoked the suspicious tokens",
            "Reviewed audit logs with the security lead",
            "Enforced IP allow-listing for the customer's API keys",
        ],
        _ => &[
            "Reproduced the issue on staging",
            "Shipped a hotfix behind a feature flag",
            "Verified the fix with the customer",
        ],
    };
    steps[(n as usize) % steps.len()]
}
