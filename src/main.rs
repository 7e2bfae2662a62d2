fn main() {
    std::process::exit(claimcheck::cli::run());
}
