fn main() {
    rathaus::start();
}
