//! `escalon`: argument parsing and file I/O around the engine's door. No engine logic here.

mod args;
mod request_file;

use std::process::ExitCode;

use args::Command;

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
        Ok(Command::Run { request }) => run(&request),
        Err(message) => {
            eprintln!("escalon: {message}\n\n{}", args::HELP);
            ExitCode::from(2)
        }
    }
}

fn run(path: &str) -> ExitCode {
    let request = match request_file::load(path) {
        Ok(r) => r,
        Err(message) => {
            eprintln!("escalon: {message}");
            return ExitCode::from(2);
        }
    };
    let response = escalon::door::run_value(&request);
    println!(
        "{}",
        serde_json::to_string_pretty(&response).expect("a JSON value always serialises")
    );
    if response["ok"] == true {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
