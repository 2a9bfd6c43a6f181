// The archetype copies files without their mode: make the Maven wrapper executable again.
def mvnw = new File(request.outputDirectory, request.artifactId + "/mvnw")
if (mvnw.exists()) {
  mvnw.setExecutable(true, false)
}
