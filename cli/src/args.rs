//! Command-line grammar. Hand-rolled: three subcommands do not justify a parser dependency.

pub const HELP: &str = "\
escalon: escalation-workflow engine

Usage:
  escalon run REQUEST.(json|yaml) [--workspace FILE] [--now RFC3339]
                                     answer one request {action, parameters}; `-` reads stdin.
                                     With --workspace, changes are saved to FILE atomically;
                                     without it, the demo workspace is used in memory.
                                     --now defaults to the system clock.
  escalon demo                       print the demo workspace (JSON)
  escalon version                    print the engine version
  escalon --help                     this text

The response is JSON on stdout; the exit code is 0 when it says ok, 1 when it carries an
error (code, message and the path of the field at fault), 2 for a bad command line or an
unreadable file.
";

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    Demo,
    Run {
        request: String,
        workspace: Option<String>,
        now: Option<String>,
    },
}

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let mut it = argv.iter().map(String::as_str);
    match it.next() {
        None | Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("version" | "--version" | "-V") => Ok(Command::Version),
        Some("demo") => match it.next() {
            None => Ok(Command::Demo),
            Some(extra) => Err(format!("unexpected argument '{extra}'")),
        },
        Some("run") => {
            let mut request = None;
            let mut workspace = None;
            let mut now = None;
            while let Some(arg) = it.next() {
                match arg {
                    "--workspace" | "-w" => {
                        workspace = Some(it.next().ok_or("--workspace needs a file")?.to_string())
                    }
                    "--now" => {
                        now = Some(
                            it.next()
                                .ok_or("--now needs an RFC 3339 instant")?
                                .to_string(),
                        )
                    }
                    flag if flag.starts_with("--") => {
                        return Err(format!("unknown option '{flag}'"))
                    }
                    file if request.is_none() => request = Some(file.to_string()),
                    extra => return Err(format!("unexpected argument '{extra}'")),
                }
            }
            Ok(Command::Run {
                request: request.ok_or("run needs a request file (or - for stdin)")?,
                workspace,
                now,
            })
        }
        Some(other) => Err(format!("unknown command '{other}'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn run_takes_a_file() {
        assert_eq!(
            parse(&args(&["run", "req.yaml"])),
            Ok(Command::Run {
                request: "req.yaml".into(),
                workspace: None,
                now: None
            })
        );
    }

    #[test]
    fn run_takes_options_in_any_order() {
        assert_eq!(
            parse(&args(&[
                "run",
                "--now",
                "2025-01-22T10:00:00Z",
                "r.json",
                "--workspace",
                "w.json"
            ])),
            Ok(Command::Run {
                request: "r.json".into(),
                workspace: Some("w.json".into()),
                now: Some("2025-01-22T10:00:00Z".into())
            })
        );
    }

    #[test]
    fn run_without_file_is_an_error() {
        assert!(parse(&args(&["run"])).is_err());
        assert!(parse(&args(&["run", "a.json", "--now"])).is_err());
    }

    #[test]
    fn unknown_command_is_an_error() {
        assert!(parse(&args(&["frobnicate"]))
            .unwrap_err()
            .contains("frobnicate"));
    }
}
