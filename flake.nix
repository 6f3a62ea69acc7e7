{
  description = "bookies-mispriced: cross-bookmaker odds extraction and mispricing detection (dev shell)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAll = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in {
      devShells = forAll (pkgs: {
        default = pkgs.mkShell {
          # Node 24 runs everything (npm ci also brings it as the `node` devDependency);
          # redis provides redis-server for the integration, fault and benchmark suites.
          packages = [ pkgs.nodejs_24 pkgs.redis pkgs.git ];
          shellHook = ''
            export PATH="$PWD/node_modules/.bin:$PATH"
          '';
        };
      });
    };
}
