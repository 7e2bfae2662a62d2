fn main() {
    println!("claimcheck");
}
