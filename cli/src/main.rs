//! `escalon`: argument parsing and file I/O around the engine's door. No engine logic here;
//! this shell supplies what core may not touch: the clock, fresh ids and files.

mod args;
mod ids;
mod request_file;
mod workspace_file;

use std::process::ExitCode;

use args::Command;
use escalon::{Context, Workspace};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(Command::Help) => {
            print!("{}", args::HELP);
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("escalon {}", escalon::version());
            ExitCode::SUCCESS
        }
        Ok(Command::Demo) => {
            println!("{}", escalon::demo::demo_workspace().to_json_pretty());
            ExitCode::SUCCESS
        }
        Ok(Command::Run {
            request,
            workspace,
            now,
        }) => run(&request, workspace.as_deref(), now.as_deref()),
        Err(message) => {
            eprintln!("escalon: {message}\n\n{}", args::HELP);
            ExitCode::from(2)
        }
    }
}

fn run(path: &str, workspace: Option<&str>, now: Option<&str>) -> ExitCode {
    match try_run(path, workspace, now) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("escalon: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_run(path: &str, workspace: Option<&str>, now: Option<&str>) -> Result<ExitCode, String> {
    let request = request_file::load(path)?;
    let now = match now {
        Some(s) => escalon::time_parse::instant(s)
            .map_err(|e| format!("--now '{s}' is not an RFC 3339 instant: {}", e.why()))?,
        None => jiff::Timestamp::now(),
    };
    let mut ws = match workspace {
        Some(file) => workspace_file::load(file)?,
        None => escalon::demo::demo_workspace(),
    };
    let mut ctx = Context::new(Some(now), ids::fresh());
    if let Ok(user) = std::env::var("USER") {
        ctx.actor = format!("cli:{user}");
    }
    let response = escalon::handle(&mut ws, &request, &mut ctx);
    if ctx.changed() {
        if let Some(file) = workspace {
            save(file, &ws)?;
        }
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&response).expect("a JSON value always serialises")
    );
    Ok(if response["ok"] == true {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn save(file: &str, ws: &Workspace) -> Result<(), String> {
    workspace_file::save(file, ws)
}
