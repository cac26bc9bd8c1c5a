//! robots.txt, fetched once per host and run.
//!
//! Owns: the rules for one origin (`texting_robots` parses and matches;
//! `Allow`/`Disallow` with wildcards, the group of our User-Agent token,
//! `Crawl-delay`), and what a missing robots.txt means: 4xx -> everything
//! allowed; 5xx or unreachable -> nothing allowed this run (as the
//! robots.txt RFC 9309 asks).
//! Must not know: how pages are fetched after the check.

use std::time::Duration;
use texting_robots::Robot;

/// What robots.txt says for one origin.
pub enum Rules {
    AllowAll,
    /// robots.txt could not be read (server error, timeout): stay away.
    DisallowAll(String),
    Parsed(Box<Robot>),
}

impl Rules {
    /// Parses a robots.txt body for the User-Agent `user_agent`.
    pub fn parse(user_agent: &str, body: &[u8]) -> Rules {
        match Robot::new(&agent_token(user_agent), body) {
            Ok(robot) => Rules::Parsed(Box::new(robot)),
            // An unparseable file says nothing we can obey.
            Err(_) => Rules::AllowAll,
        }
    }

    pub fn allowed(&self, url: &str) -> bool {
        match self {
            Rules::AllowAll => true,
            Rules::DisallowAll(_) => false,
            Rules::Parsed(robot) => robot.allowed(url),
        }
    }

    /// The host's `Crawl-delay`, when it sets one.
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Rules::Parsed(robot) => robot
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d.min(86_400.0))),
            _ => None,
        }
    }
}

/// The product token robots.txt groups are matched against:
/// `newsfacts/0.1 (+https://...)` -> `newsfacts`.
pub fn agent_token(user_agent: &str) -> String {
    user_agent
        .split(|c: char| c == '/' || c.is_whitespace())
        .next()
        .unwrap_or("newsfacts")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disallow_allow_and_crawl_delay_for_our_group() {
        let body = b"User-agent: other\nDisallow: /\n\nUser-agent: newsfacts\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 2\n";
        let rules = Rules::parse("newsfacts/0.1 (+https://e.org)", body);
        assert!(!rules.allowed("http://h/private/x.html"));
        assert!(rules.allowed("http://h/private/ok"));
        assert!(rules.allowed("http://h/news/1.html"));
        assert_eq!(rules.crawl_delay(), Some(Duration::from_secs(2)));
        assert!(!Rules::DisallowAll("503".into()).allowed("http://h/"));
        assert_eq!(agent_token("newsfacts/0.1 (x)"), "newsfacts");
    }
}
