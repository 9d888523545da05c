//! Command-line grammar. Hand-rolled: three subcommands do not justify a parser dependency.

pub const HELP: &str = "\
escalon: escalation-workflow engine

Usage:
  escalon run REQUEST.(json|yaml)   answer one request {action, parameters}; `-` reads stdin
  escalon version                    print the engine version
  escalon --help                     this text

The response is JSON on stdout; the exit code is 0 when it says ok, 1 when it carries an
error (code, message and the path of the field at fault), 2 for a bad command line.
";

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    Run { request: String },
}

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let mut it = argv.iter().map(String::as_str);
    match it.next() {
        None | Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("version" | "--version" | "-V") => Ok(Command::Version),
        Some("run") => {
            let request = it
                .next()
                .ok_or("run needs a request file (or - for stdin)")?
                .to_string();
            if let Some(extra) = it.next() {
                return Err(format!("unexpected argument '{extra}'"));
            }
            Ok(Command::Run { request })
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
                request: "req.yaml".into()
            })
        );
    }

    #[test]
    fn run_without_file_is_an_error() {
        assert!(parse(&args(&["run"])).is_err());
    }

    #[test]
    fn unknown_command_is_an_error() {
        assert!(parse(&args(&["frobnicate"]))
            .unwrap_err()
            .contains("frobnicate"));
    }
}
